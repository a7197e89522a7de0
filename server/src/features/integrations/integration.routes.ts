import type { Request } from 'express';
import {
  ConnectionIdParamsSchema,
  ConnectionSchema,
  ConnectionTestSchema,
  CreateConnectionSchema,
  HookParamsSchema,
  HookQuerySchema,
  RunModeSchema,
  SyncRunSchema,
  UpdateConnectionSchema,
} from '@keyline/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import type { ConnectionService } from './connection.service';
import type { TrackerHookService } from './tracker-hook.service';

const SyncBodySchema = z.strictObject({ mode: RunModeSchema.optional() });
const RunsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const HookResultSchema = z.object({ result: z.string(), detail: z.string().optional() });

/** Where webhook deliveries arrive; their raw bytes are kept for the signature check. */
export const HOOKS_PATH = '/api/hooks';

/** Connections hold tokens and reach the company network: admins, from a signed-in session only. */
export function integrationRoutes(connections: ConnectionService) {
  const tag = 'integrations';
  return [
    defineRoute({
      method: 'get',
      path: '/api/integrations',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'List tracker connections (Jira, GitHub), with their state and last run',
      response: z.array(ConnectionSchema),
      handler: () => connections.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/integrations',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Add a connection; the answer shows its webhook secret once (needs KEYLINE_SECRET_KEY)',
      body: CreateConnectionSchema,
      response: ConnectionSchema,
      status: 201,
      handler: ({ actor, body }) => connections.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/integrations/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Read a connection (never its token)',
      params: ConnectionIdParamsSchema,
      response: ConnectionSchema,
      handler: ({ params }) => connections.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/integrations/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Change, pause or resume a connection; replace its token; regenerate its webhook secret',
      params: ConnectionIdParamsSchema,
      body: UpdateConnectionSchema,
      ifMatch: true,
      response: ConnectionSchema,
      handler: ({ actor, params, body, ifMatch }) => connections.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/integrations/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Delete a connection; its items stay, as Keyline’s own',
      params: ConnectionIdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => connections.remove(actor, params.id, ifMatch),
    }),
    defineRoute({
      method: 'post',
      path: '/api/integrations/:id/test',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Test a connection: the account, how many issues the query matches, the mapped fields found',
      params: ConnectionIdParamsSchema,
      response: ConnectionTestSchema,
      handler: ({ params }) => connections.test(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/integrations/:id/sync',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Start a run now (202), or answer the one in progress',
      params: ConnectionIdParamsSchema,
      body: SyncBodySchema,
      response: SyncRunSchema,
      status: 202,
      handler: ({ params, body }) => connections.sync(params.id, body.mode),
    }),
    defineRoute({
      method: 'get',
      path: '/api/integrations/:id/runs',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'A connection’s recent runs, newest first, with counts and per-issue errors',
      params: ConnectionIdParamsSchema,
      query: RunsQuerySchema,
      response: z.array(SyncRunSchema),
      handler: ({ params, query }) => connections.runs(params.id, query.limit),
    }),
  ];
}

export function hookRoutes(hooks: TrackerHookService) {
  const tag = 'integrations';
  const delivery = (req: Request, querySecret: string | undefined) => ({
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    signature: req.get('x-hub-signature-256') ?? req.get('x-hub-signature'),
    querySecret,
    event: req.get('x-github-event'),
  });
  return [
    defineRoute({
      method: 'post',
      path: `${HOOKS_PATH}/jira/:connectionId`,
      access: 'public',
      tag,
      summary: 'Jira webhook receiver: X-Hub-Signature (HMAC-SHA256 of the body) or ?secret=',
      params: HookParamsSchema,
      query: HookQuerySchema,
      response: HookResultSchema,
      handler: ({ params, query, req }) => hooks.receive('jira', params.connectionId, delivery(req, query.secret)),
    }),
    defineRoute({
      method: 'post',
      path: `${HOOKS_PATH}/github/:connectionId`,
      access: 'public',
      tag,
      summary: 'GitHub webhook receiver: X-Hub-Signature-256 (HMAC-SHA256 of the body)',
      params: HookParamsSchema,
      response: HookResultSchema,
      handler: ({ params, req }) => hooks.receive('github', params.connectionId, delivery(req, undefined)),
    }),
  ];
}
