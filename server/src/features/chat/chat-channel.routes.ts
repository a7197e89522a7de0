import { ChatChannelSchema, CreateChatChannelSchema, DeliverySchema, UpdateChatChannelSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { ChatChannelService } from './chat-channel.service';

export function chatChannelRoutes(channels: ChatChannelService) {
  const tag = 'notifications';
  return [
    defineRoute({
      method: 'get',
      path: '/api/chat-channels',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Slack and Teams channels (never their whole incoming-webhook URL)',
      response: z.array(ChatChannelSchema),
      handler: () => channels.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/chat-channels',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Add a Slack or Teams incoming webhook: the organisation’s (teamId null) or a team’s',
      body: CreateChatChannelSchema,
      response: ChatChannelSchema,
      status: 201,
      handler: ({ actor, body }) => channels.create(actor, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/chat-channels/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Rename a channel, change its URL, team or events, or pause it',
      params: IdParamsSchema,
      body: UpdateChatChannelSchema,
      ifMatch: true,
      response: ChatChannelSchema,
      handler: ({ actor, params, body, ifMatch }) => channels.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/chat-channels/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Delete a channel; messages still waiting for it fail as "deleted"',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => channels.remove(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'post',
      path: '/api/chat-channels/:id/test',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Post a test message (through the outbox: it shows in the delivery log)',
      params: IdParamsSchema,
      response: DeliverySchema,
      status: 202,
      handler: ({ actor, params }) => channels.test(actor, params.id),
    }),
  ];
}
