import {
  CommentQuerySchema,
  CommentSchema,
  CreateCommentQuerySchema,
  CreateCommentSchema,
  UpdateCommentSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { CommentService } from './comment.service';

/**
 * Comments: viewers read and write them too (leadership asks its questions
 * here); a read-only API token writes none. Changing or deleting one is its
 * author's or an admin's (checked in the service).
 */
export function commentRoutes(comments: CommentService) {
  const tag = 'comments';
  return [
    defineRoute({
      method: 'get',
      path: '/api/comments',
      access: 'viewer',
      tag,
      summary:
        'A thread, oldest first: `subject=key_result:<id>` (with its check-ins’ comments), `check_in:<id>` or `backlog_item:<id>`; without `subject`, the 100 newest comments anywhere, newest first',
      query: CommentQuerySchema,
      response: z.array(CommentSchema),
      handler: ({ query }) => (query.subject ? comments.list(query.subject) : comments.latest()),
    }),
    defineRoute({
      method: 'post',
      path: '/api/comments',
      access: 'viewer',
      tag,
      summary: 'Comment on `subject`; `@name` mentions of members notify them',
      query: CreateCommentQuerySchema,
      body: CreateCommentSchema,
      response: CommentSchema,
      status: 201,
      handler: ({ actor, query, body }) => comments.create(actor, query.subject, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/comments/:id',
      access: 'viewer',
      tag,
      summary: 'Edit a comment (its author or an admin); members it newly mentions are notified',
      params: IdParamsSchema,
      body: UpdateCommentSchema,
      ifMatch: true,
      response: CommentSchema,
      handler: ({ actor, params, body, ifMatch }) => comments.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/comments/:id',
      access: 'viewer',
      tag,
      summary: 'Delete a comment (its author or an admin)',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => comments.remove(actor, params.id, ifMatch),
    }),
  ];
}
