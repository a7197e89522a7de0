import {
  BacklogRowSchema,
  ScoredBacklogItemSchema,
  BacklogListQuerySchema,
  CreateBacklogItemSchema,
  MoveBacklogItemSchema,
  pageSchema,
  SetLinkSchema,
  UpdateBacklogItemSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { BacklogService } from './backlog.service';

const LinkParamsSchema = z.strictObject({ id: z.uuid(), keyResultId: z.uuid() });

export function backlogRoutes(backlog: BacklogService) {
  const tag = 'backlog';
  return [
    defineRoute({
      method: 'get',
      path: '/api/backlog-items',
      access: 'viewer',
      tag,
      summary: 'List backlog items: filter, sort, page',
      query: BacklogListQuerySchema,
      response: pageSchema(BacklogRowSchema),
      revalidate: true,
      handler: ({ query }) => backlog.list(query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/backlog-items',
      access: 'editor',
      tag,
      summary: 'Create a backlog item (at the bottom of the rank order)',
      body: CreateBacklogItemSchema,
      response: ScoredBacklogItemSchema,
      status: 201,
      handler: ({ actor, body }) => backlog.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/backlog-items/:id',
      access: 'viewer',
      tag,
      summary: 'Read a backlog item',
      params: IdParamsSchema,
      response: ScoredBacklogItemSchema,
      handler: ({ params }) => backlog.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/backlog-items/:id',
      access: 'editor',
      tag,
      summary: 'Edit a backlog item (null clears an estimate)',
      params: IdParamsSchema,
      body: UpdateBacklogItemSchema,
      ifMatch: true,
      response: ScoredBacklogItemSchema,
      handler: ({ actor, params, body, ifMatch }) => backlog.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/backlog-items/:id',
      access: 'editor',
      tag,
      summary: 'Delete a backlog item and its links',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => backlog.remove(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'post',
      path: '/api/backlog-items/:id/move',
      access: 'editor',
      tag,
      summary: 'Re-rank: to the top or bottom, or before/after another item',
      params: IdParamsSchema,
      body: MoveBacklogItemSchema,
      ifMatch: true,
      response: ScoredBacklogItemSchema,
      handler: ({ actor, params, body, ifMatch }) => backlog.move(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/backlog-items/:id/links/:keyResultId',
      access: 'editor',
      tag,
      summary: 'Tag the item to a key result with a strength of 1–3',
      params: LinkParamsSchema,
      body: SetLinkSchema,
      response: ScoredBacklogItemSchema,
      handler: ({ actor, params, body }) => backlog.setLink(actor, params.id, params.keyResultId, body.strength),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/backlog-items/:id/links/:keyResultId',
      access: 'editor',
      tag,
      summary: 'Untag the item from a key result',
      params: LinkParamsSchema,
      status: 204,
      handler: ({ actor, params }) => backlog.removeLink(actor, params.id, params.keyResultId),
    }),
  ];
}
