import {
  CreatedShareLinkSchema,
  CreateShareLinkSchema,
  DashboardSchema,
  SharedDashboardQuerySchema,
  ShareLinkSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { ShareLinkService } from './share-link.service';

/** Any string: a malformed token must get the same 404 as an unknown one, not a 400 that tells them apart. */
const TokenParamsSchema = z.object({ token: z.string() });

export function shareLinkRoutes(links: ShareLinkService) {
  const tag = 'share-links';
  return [
    defineRoute({
      method: 'post',
      path: '/api/share-links',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'Create a read-only dashboard link; the answer is the only time the token is shown',
      body: CreateShareLinkSchema,
      response: CreatedShareLinkSchema,
      status: 201,
      handler: ({ actor, body }) => links.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/share-links',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'List dashboard links (without tokens), newest first',
      response: z.array(ShareLinkSchema),
      handler: () => links.list(),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/share-links/:id',
      access: 'editor',
      sessionOnly: true,
      tag,
      summary: 'Revoke a dashboard link (kept in the list as revoked)',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => links.revoke(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'get',
      path: '/api/shared/:token/dashboard',
      access: 'public',
      tag,
      summary:
        'The dashboard of the active cycle through a share link, no sign-in; 404 for unknown, expired or revoked links',
      params: TokenParamsSchema,
      query: SharedDashboardQuerySchema,
      response: DashboardSchema,
      handler: ({ params, query }) => links.dashboardFor(params.token, query),
    }),
  ];
}
