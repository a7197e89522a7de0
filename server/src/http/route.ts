import type { Request, Response, Router } from 'express';
import { roleAtLeast, type Role } from '@keyline/shared';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { AppError } from './app-error';
import { etagFor, parseIfMatch } from './if-match';

/** Who may call a route: nobody signed in, at least this role, or an identity provider with a SCIM token. */
export type Access = 'public' | Role | 'scim';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  /** The version from If-Match, present when the route requires it. */
  ifMatch: number;
  req: Request;
  res: Response;
}

/**
 * A route described as data: the router, the OpenAPI document and the
 * authorization tests are all built from the same list, so they cannot drift.
 */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Express path under /api, e.g. `/api/teams/:id`. */
  path: string;
  access: Access;
  /**
   * Only a signed-in session may call it: API tokens (for scripts) get 403.
   * Set on account and organisation administration — users, roles and
   * passwords, API tokens and share links, backup and restore, settings —
   * so a leaked script token is never a permanent admin.
   */
  sessionOnly?: true;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Requires `If-Match` (428 without it). */
  ifMatch?: boolean;
  /** 200 unless said; 204 sends no body. */
  status?: 200 | 201 | 204;
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
}

export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

export const IdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Must be an id (UUID)' }) });

export function mountRoutes(router: Router, routes: readonly RouteDef[]): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const actor = authorize(route, res.locals.actor as Actor | undefined);
      // Express 5 makes req.query read-only: parsed input travels in the context instead.
      const params = route.params ? route.params.parse(req.params) : req.params;
      const query = route.query ? route.query.parse(req.query) : {};
      const body = route.body ? route.body.parse(req.body ?? {}) : undefined;
      const ifMatch = route.ifMatch ? parseIfMatch(req.get('if-match')) : 0;
      const result = await route.handler({ actor: actor as Actor, params, query, body, ifMatch, req, res });
      if (res.headersSent) return;
      if (route.status === 204) {
        res.status(204).end();
        return;
      }
      if (isVersioned(result)) res.setHeader('ETag', etagFor(result.version));
      res.status(route.status ?? 200).json(result);
    });
  }
}

function authorize({ access, sessionOnly }: RouteDef, actor: Actor | undefined): Actor | undefined {
  if (access === 'public') return actor;
  if (access === 'scim') {
    if (actor?.via !== 'scim') throw new AppError('UNAUTHENTICATED', 'Send the SCIM token as Authorization: Bearer');
    return actor;
  }
  if (!actor || actor.via === 'scim') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!roleAtLeast(actor.role, access)) {
    throw new AppError('FORBIDDEN', `This needs the ${access} role; you are signed in as ${actor.role}`);
  }
  if (sessionOnly && actor.via !== 'session') {
    throw new AppError(
      'FORBIDDEN',
      'This needs a signed-in session: API tokens cannot administer accounts or the organisation',
    );
  }
  return actor;
}

function isVersioned(value: unknown): value is { id: string; version: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    'id' in value &&
    typeof value.version === 'number'
  );
}
