import {
  CheckInSchema,
  CreateCheckInSchema,
  CreateKeyResultSchema,
  KeyResultListQuerySchema,
  KeyResultSchema,
  UpdateKeyResultSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { KeyResultService } from './key-result.service';

export function keyResultRoutes(keyResults: KeyResultService) {
  const tag = 'key-results';
  return [
    defineRoute({
      method: 'get',
      path: '/api/key-results',
      access: 'viewer',
      tag,
      summary: 'List key results, filtered by objective or cycle',
      query: KeyResultListQuerySchema,
      response: z.array(KeyResultSchema),
      revalidate: true,
      handler: ({ query }) => keyResults.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/key-results',
      access: 'editor',
      tag,
      summary: 'Create a key result',
      body: CreateKeyResultSchema,
      response: KeyResultSchema,
      status: 201,
      handler: ({ actor, body }) => keyResults.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/key-results/:id',
      access: 'viewer',
      tag,
      summary: 'Read a key result',
      params: IdParamsSchema,
      response: KeyResultSchema,
      handler: ({ params }) => keyResults.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/key-results/:id',
      access: 'editor',
      tag,
      summary: 'Edit a key result',
      params: IdParamsSchema,
      body: UpdateKeyResultSchema,
      ifMatch: true,
      response: KeyResultSchema,
      handler: ({ actor, params, body, ifMatch }) => keyResults.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/key-results/:id',
      access: 'editor',
      tag,
      summary: 'Delete a key result (links are kept and flagged stale)',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => keyResults.remove(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'get',
      path: '/api/key-results/:id/check-ins',
      access: 'viewer',
      tag,
      summary: 'Check-ins of a key result, newest first',
      params: IdParamsSchema,
      response: z.array(CheckInSchema),
      handler: ({ params }) => keyResults.listCheckIns(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/key-results/:id/check-ins',
      access: 'editor',
      tag,
      summary: 'Record a check-in; moves the current value',
      params: IdParamsSchema,
      body: CreateCheckInSchema,
      response: CheckInSchema,
      status: 201,
      handler: ({ actor, params, body }) => keyResults.checkIn(actor, params.id, body),
    }),
  ];
}
