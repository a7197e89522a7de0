import {
  CreateObjectiveSchema,
  ObjectiveListQuerySchema,
  ObjectiveSchema,
  UpdateObjectiveSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { ObjectiveService } from './objective.service';

export function objectiveRoutes(objectives: ObjectiveService) {
  const tag = 'objectives';
  return [
    defineRoute({
      method: 'get',
      path: '/api/objectives',
      access: 'viewer',
      tag,
      summary: 'List objectives, filtered by cycle and team',
      query: ObjectiveListQuerySchema,
      response: z.array(ObjectiveSchema),
      revalidate: true,
      handler: ({ query }) => objectives.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/objectives',
      access: 'editor',
      tag,
      summary: 'Create an objective',
      body: CreateObjectiveSchema,
      response: ObjectiveSchema,
      status: 201,
      handler: ({ actor, body }) => objectives.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/objectives/:id',
      access: 'viewer',
      tag,
      summary: 'Read an objective',
      params: IdParamsSchema,
      response: ObjectiveSchema,
      handler: ({ params }) => objectives.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/objectives/:id',
      access: 'editor',
      tag,
      summary: 'Edit an objective',
      params: IdParamsSchema,
      body: UpdateObjectiveSchema,
      ifMatch: true,
      response: ObjectiveSchema,
      handler: ({ actor, params, body, ifMatch }) => objectives.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/objectives/:id',
      access: 'editor',
      tag,
      summary: 'Delete an objective and its key results (links are kept and flagged stale)',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => objectives.remove(actor, params.id, ifMatch),
    }),
  ];
}
