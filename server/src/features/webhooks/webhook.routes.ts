import {
  CreatedWebhookSchema,
  CreateWebhookSchema,
  DeliverySchema,
  UpdateWebhookSchema,
  WebhookSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { WebhookService } from './webhook.service';

const DeliveriesQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export function webhookRoutes(webhooks: WebhookService) {
  const tag = 'webhooks';
  return [
    defineRoute({
      method: 'get',
      path: '/api/webhooks',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'List outgoing webhooks (never their secrets)',
      response: z.array(WebhookSchema),
      handler: () => webhooks.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/webhooks',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Add a webhook; the answer carries its signing secret, shown this once',
      body: CreateWebhookSchema,
      response: CreatedWebhookSchema,
      status: 201,
      handler: ({ actor, body }) => webhooks.create(actor, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/webhooks/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Change a webhook’s URL, events, or pause it',
      params: IdParamsSchema,
      body: UpdateWebhookSchema,
      ifMatch: true,
      response: WebhookSchema,
      handler: ({ actor, params, body, ifMatch }) => webhooks.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/webhooks/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Delete a webhook',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => webhooks.remove(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'get',
      path: '/api/webhooks/:id/deliveries',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'A webhook’s latest deliveries, newest first: status, attempts, last error',
      params: IdParamsSchema,
      query: DeliveriesQuerySchema,
      response: z.array(DeliverySchema),
      handler: ({ params, query }) => webhooks.deliveries(params.id, query.limit),
    }),
  ];
}
