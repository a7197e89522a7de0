import { CreatedScimTokenSchema, CreateScimTokenSchema, ScimTokenSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery';
import type { ScimGroupService } from './scim-groups.service';
import { SCIM_BASE } from './scim-http';
import type { ScimTokenService } from './scim-token.service';
import type { ScimUserService } from './scim-users.service';

const ListQuerySchema = z.object({
  filter: z.string().max(1000).optional(),
  startIndex: z.string().max(12).optional(),
  count: z.string().max(12).optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});
/**
 * SCIM ids are Keyline's UUIDs, but an unknown one is a 404, not a 400: any
 * other text becomes the nil UUID, which no row has. It never reaches a
 * query as typed (PostgreSQL refuses a NUL in text with an error, not "no row").
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_SUCH_ID = '00000000-0000-0000-0000-000000000000';
const ScimIdSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .transform((id) => (UUID.test(id) ? id.toLowerCase() : NO_SUCH_ID)),
});
const AnyBody = z.unknown();

/** Settings → Single sign-on: SCIM tokens, for admins in a signed-in session. */
export function scimTokenRoutes(tokens: ScimTokenService) {
  const tag = 'single-sign-on';
  return [
    defineRoute({
      method: 'get',
      path: '/api/sso/scim-tokens',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'SCIM tokens, without their secrets',
      response: z.array(ScimTokenSchema),
      handler: () => tokens.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sso/scim-tokens',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Generate a SCIM token for the identity provider; the secret is shown once',
      body: CreateScimTokenSchema,
      response: CreatedScimTokenSchema,
      status: 201,
      handler: ({ actor, body }) => tokens.create(actor, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/sso/scim-tokens/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Revoke a SCIM token',
      params: IdParamsSchema,
      status: 204,
      handler: ({ actor, params }) => tokens.revoke(actor, params.id),
    }),
  ];
}

/** SCIM 2.0 (RFC 7644) for identity providers, authorised by a SCIM token. */
export function scimRoutes(users: ScimUserService, groups: ScimGroupService) {
  const tag = 'scim';
  const scim = { access: 'scim' as const, tag };
  return [
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/ServiceProviderConfig`,
      summary: 'What this SCIM service supports',
      handler: async () => serviceProviderConfig(),
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/ResourceTypes`,
      summary: 'The resource types: User and Group',
      handler: async () => resourceTypes(),
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/Schemas`,
      summary: 'The User and Group schemas as Keyline keeps them',
      handler: async () => schemas(),
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/Users`,
      summary: 'Users, filtered (userName eq "…") and paged (startIndex, count)',
      query: ListQuerySchema,
      handler: ({ query }) => users.list(query),
    }),
    defineRoute({
      ...scim,
      method: 'post',
      path: `${SCIM_BASE}/Users`,
      summary: 'Provision a user',
      body: AnyBody,
      status: 201,
      handler: async ({ actor, body, res }) => {
        const created = await users.create(actor, body);
        res.location(created.meta.location);
        return created;
      },
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/Users/:id`,
      summary: 'One user',
      params: ScimIdSchema,
      handler: ({ params }) => users.get(params.id),
    }),
    defineRoute({
      ...scim,
      method: 'put',
      path: `${SCIM_BASE}/Users/:id`,
      summary: 'Replace a user',
      params: ScimIdSchema,
      body: AnyBody,
      handler: ({ actor, params, body }) => users.replace(actor, params.id, body),
    }),
    defineRoute({
      ...scim,
      method: 'patch',
      path: `${SCIM_BASE}/Users/:id`,
      summary: 'Change a user (active: false disables them and ends their sessions and API tokens)',
      params: ScimIdSchema,
      body: AnyBody,
      handler: ({ actor, params, body }) => users.patch(actor, params.id, body),
    }),
    defineRoute({
      ...scim,
      method: 'delete',
      path: `${SCIM_BASE}/Users/:id`,
      summary: 'Remove a user: disabled and out of SCIM, kept as the owner of their work',
      params: ScimIdSchema,
      status: 204,
      handler: ({ actor, params }) => users.remove(actor, params.id),
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/Groups`,
      summary: 'Groups, filtered (displayName eq "…") and paged',
      query: ListQuerySchema,
      handler: ({ query }) => groups.list(query),
    }),
    defineRoute({
      ...scim,
      method: 'post',
      path: `${SCIM_BASE}/Groups`,
      summary: 'Create a group; a name in OIDC_ROLE_MAP gives its members a role',
      body: AnyBody,
      status: 201,
      handler: async ({ actor, body, res }) => {
        const created = await groups.create(actor, body);
        res.location(created.meta.location);
        return created;
      },
    }),
    defineRoute({
      ...scim,
      method: 'get',
      path: `${SCIM_BASE}/Groups/:id`,
      summary: 'One group with its members',
      params: ScimIdSchema,
      handler: ({ params }) => groups.get(params.id),
    }),
    defineRoute({
      ...scim,
      method: 'put',
      path: `${SCIM_BASE}/Groups/:id`,
      summary: 'Replace a group and its members',
      params: ScimIdSchema,
      body: AnyBody,
      handler: ({ actor, params, body }) => groups.replace(actor, params.id, body),
    }),
    defineRoute({
      ...scim,
      method: 'patch',
      path: `${SCIM_BASE}/Groups/:id`,
      summary: 'Rename a group or add and remove members (roles follow)',
      params: ScimIdSchema,
      body: AnyBody,
      handler: ({ actor, params, body }) => groups.patch(actor, params.id, body),
    }),
    defineRoute({
      ...scim,
      method: 'delete',
      path: `${SCIM_BASE}/Groups/:id`,
      summary: 'Delete a group (its members lose the role it gave)',
      params: ScimIdSchema,
      status: 204,
      handler: ({ actor, params }) => groups.remove(actor, params.id),
    }),
  ];
}
