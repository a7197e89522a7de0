import { CreateCycleSchema, CycleSchema, UpdateCycleSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { CycleService } from './cycle.service';

export function cycleRoutes(cycles: CycleService) {
  const tag = 'cycles';
  return [
    defineRoute({
      method: 'get',
      path: '/api/cycles',
      access: 'viewer',
      tag,
      summary: 'List cycles, newest first',
      response: z.array(CycleSchema),
      handler: () => cycles.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cycles',
      access: 'editor',
      tag,
      summary: 'Create a cycle (a quarter)',
      body: CreateCycleSchema,
      response: CycleSchema,
      status: 201,
      handler: ({ actor, body }) => cycles.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cycles/:id',
      access: 'viewer',
      tag,
      summary: 'Read a cycle',
      params: IdParamsSchema,
      response: CycleSchema,
      handler: ({ params }) => cycles.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/cycles/:id',
      access: 'editor',
      tag,
      summary: 'Edit a cycle or move its status forward',
      params: IdParamsSchema,
      body: UpdateCycleSchema,
      ifMatch: true,
      response: CycleSchema,
      handler: ({ actor, params, body, ifMatch }) => cycles.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/cycles/:id',
      access: 'editor',
      tag,
      summary: 'Delete an empty cycle',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => cycles.remove(actor, params.id, ifMatch),
    }),
  ];
}
