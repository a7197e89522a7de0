import { ApiTokenSchema, CreateApiTokenSchema, CreatedApiTokenSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../http/route';
import type { ApiTokenService } from './api-token.service';

export function apiTokenRoutes(tokens: ApiTokenService) {
  const tag = 'api-tokens';
  return [
    defineRoute({
      method: 'get',
      path: '/api/api-tokens',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'Your API tokens (admins: everyone’s), without their secrets',
      response: z.array(ApiTokenSchema),
      handler: ({ actor }) => tokens.list(actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/api-tokens',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'Create a named API token; the secret is shown once',
      body: CreateApiTokenSchema,
      response: CreatedApiTokenSchema,
      status: 201,
      handler: ({ actor, body }) => tokens.create(actor, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/api-tokens/:id',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'Revoke an API token',
      params: IdParamsSchema,
      status: 204,
      handler: ({ actor, params }) => tokens.revoke(actor, params.id),
    }),
  ];
}
