import { createHash } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { roleAtLeast, type Role } from '@keyline/shared';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { AppError } from './app-error';
import { etagFor, parseIfMatch } from './if-match';
import { responseProblems } from './response-check';

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
  /**
   * Reads a body above the API's 100 kB JSON limit (restore, imports) onto
   * `req.body`. It runs only after the access check, so a caller without
   * the right is answered before a byte of the body is read (and the
   * connection is closed rather than drained); the API-wide JSON parser
   * skips these routes.
   */
  largeBody?: (req: Request, res: Response) => Promise<unknown>;
  /**
   * Public, and its only authority is a signed token in its URL (never a
   * cookie): the CSRF guard does not apply, and it accepts bodies that are not
   * JSON. For the RFC 8058 one-click unsubscribe, which mail clients POST
   * form-encoded from their own servers and pages.
   */
  cookieless?: true;
  /** Requires `If-Match` (428 without it). */
  ifMatch?: boolean;
  /**
   * A list the client may keep and revalidate: the answer carries a strong
   * ETag of its bytes and `Cache-Control: private, no-cache`, and a request
   * whose If-None-Match names it gets 304 with no body.
   */
  revalidate?: true;
  /** 200 unless said; 204 sends no body; 202: accepted, work goes on after the answer. */
  status?: 200 | 201 | 202 | 204;
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

export interface MountOptions {
  /**
   * Outside production every answer is checked against the route's response
   * schema: a field the schema does not declare, or a value it refuses, is
   * a 500 naming the path in the log, so tests catch it before users see it.
   * In production, public routes (the share link's dashboard) send only what
   * their schema declares; the others go out unchecked (cost).
   */
  checkResponses: boolean;
}

export function mountRoutes(router: Router, routes: readonly RouteDef[], options: MountOptions): void {
  for (const route of routes) {
    if (route.cookieless && route.access !== 'public')
      throw new Error(`A cookieless route must be public: ${route.path}`);
    router[route.method](route.path, async (req: Request, res: Response) => {
      let actor: Actor | undefined;
      try {
        actor = authorize(route, res.locals.actor as Actor | undefined);
      } catch (denied) {
        // Draining an unread upload would cost what the check saved: close the connection instead.
        if (route.largeBody && !req.complete) res.setHeader('Connection', 'close');
        throw denied;
      }
      if (route.largeBody) await route.largeBody(req, res);
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
      const answer = checkedResponse(route, result, options);
      if (route.revalidate) return sendRevalidatable(req, res, answer);
      res.status(route.status ?? 200).json(answer);
    });
  }
}

function sendRevalidatable(req: Request, res: Response, answer: unknown): void {
  const body = JSON.stringify(answer);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/json').send(body);
}

function checkedResponse(route: RouteDef, result: unknown, options: MountOptions): unknown {
  if (!route.response) return result;
  if (options.checkResponses) {
    const problems = responseProblems(route.response, result);
    if (problems.length > 0) {
      throw new Error(
        `The answer of ${route.method.toUpperCase()} ${route.path} breaks its response schema: ${problems.join('; ')}`,
      );
    }
    return result;
  }
  // Answers anyone can get without signing in carry nothing their schema does not promise.
  return route.access === 'public' ? route.response.parse(result) : result;
}

function authorize({ access, sessionOnly, method }: RouteDef, actor: Actor | undefined): Actor | undefined {
  if (access === 'public') return actor;
  if (access === 'scim') {
    if (actor?.via !== 'scim') throw new AppError('UNAUTHENTICATED', 'Send the SCIM token as Authorization: Bearer');
    return actor;
  }
  if (!actor || actor.via === 'scim') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!roleAtLeast(actor.role, access)) {
    throw new AppError('FORBIDDEN', `This needs the ${access} role; you are signed in as ${actor.role}`);
  }
  if (actor.readOnly && method !== 'get') {
    throw new AppError('FORBIDDEN', 'This API token is read-only: use a read-write token to change anything');
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

/** The paths of cookieless routes, for the CSRF guard to leave alone. */
export function cookielessPaths(routes: readonly RouteDef[]): string[] {
  return routes.filter((r) => r.cookieless).map((r) => r.path);
}

/**
 * True for a request to a route that reads its own large body: the API-wide
 * JSON parser must leave it unread until the route has checked the caller.
 * Such routes have fixed paths; matched as Express matches them (any case,
 * one trailing slash).
 */
export function readsLargeBody(routes: readonly RouteDef[]): (req: Request) => boolean {
  const own = new Set<string>();
  for (const route of routes.filter((r) => r.largeBody)) {
    if (route.path.includes(':')) throw new Error(`largeBody routes need a fixed path: ${route.path}`);
    own.add(`${route.method.toUpperCase()} ${route.path.toLowerCase()}`);
  }
  return (req) => own.has(`${req.method} ${(req.baseUrl + req.path).toLowerCase().replace(/(.)\/$/, '$1')}`);
}
