import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SessionEntity } from '../../server/src/auth/session.entity';
import type { RouteDef } from '../../server/src/http/route';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError, expectCleanScimError } from '../support/errors';
import { buildCycle, buildKeyResult, buildObjective } from '../support/factories';
import { buildRouteIds, fillPath, isScimRoute, isWrite, listRoutes, routeKey, type RouteIds } from '../support/routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { captureDatabaseState, changedTables, integrityCheck, type DatabaseState } from './support/db-state';
import { fuzzCase, type FuzzCase } from './support/fuzz-arbitraries';
import { FULL, reportFigures } from './support/mode';

/**
 * Every write route of the real router gets hostile requests: bodies close
 * to valid and far from it, bad ids, query strings and headers. Whatever
 * comes in: never a 5xx, never a dirty error body, and a refused request
 * leaves every table exactly as it was (compared row by row in the database).
 */
const casesPerRoute = (kind: 'sqlite' | 'postgres') => (FULL ? 1000 : kind === 'sqlite' ? 20 : 10);
/** Printed with the figures: FUZZ_SEED=<seed> replays a run. */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * Tables a refused request may still change, per route: a refused sign-in is logged, as it must be, and so is a
 * password change refused for its current password (counted like a failed sign-in).
 */
const MAY_CHANGE_WHEN_REFUSED: Record<string, readonly string[]> = {
  'POST /api/auth/login': ['login_attempts'],
  'POST /api/auth/password': ['login_attempts'],
};
/** Every SCIM request stamps its token's "last used", refused or not: bookkeeping, not a change. */
const SCIM_MAY_CHANGE = ['scim_tokens'];
/** Routes that end the caller's session: each case gets a throwaway session of its own. */
const SIGN_OUT_ROUTES = new Set(['POST /api/auth/logout', 'POST /api/auth/oidc/logout']);
/** Reads that redirect to an identity provider (or refuse, with none set up): no page reads them. */
const SSO_REDIRECTS = new Set(['GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback']);
/** Reads that need a signed token from an e-mail in their query (400 without one); tested where they live. */
const TOKEN_READS = new Set(['GET /api/notifications/unsubscribe']);

describeEachDatabase('fuzzing every write route', (kind) => {
  let t: TestServer;
  let routes: RouteDef[];
  let ids: RouteIds;
  let allIds: string[];
  let scimAuthorization: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    routes = listRoutes(t);
    ids = await buildRouteIds(t);
    const active = await buildCycle(t.editor, { name: 'Fuzz quarter', status: 'active' });
    const kr = await buildKeyResult(t.editor, {
      objectiveId: (await buildObjective(t.editor, { cycleId: active.id })).id,
    });
    const token = (await t.admin.post('/api/api-tokens', { name: 'Fuzz', scope: 'read' })).body;
    const share = (await t.editor.post('/api/share-links', { name: 'Fuzz board' })).body;
    ids = {
      ...ids,
      'api-tokens': token.id,
      'share-links': share.id,
      token: share.token,
      activeCycle: active.id,
      activeKr: kr.id,
    };
    allIds = [...new Set(Object.values(ids))];
    const scim = await t.admin.post('/api/sso/scim-tokens', { name: 'Fuzz provisioning' });
    scimAuthorization = `Bearer ${scim.body.token}`;
  }, 120_000);
  afterAll(() => t.stop());

  /** A session of the admin's own for a sign-out case, written straight into the table. */
  async function throwawaySession(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await t.db.write((m) =>
      m.insert(SessionEntity, {
        tokenHash: createHash('sha256').update(token).digest('hex'),
        userId: t.users.admin,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        userAgent: null,
      }),
    );
    return `keyline_session=${token}`;
  }

  async function send(
    c: FuzzCase,
    cookie: string | undefined,
    authorization?: string,
  ): Promise<{ status: number; text: string; contentType: string }> {
    const headers: Record<string, string> = { origin: t.baseUrl, ...c.headers };
    if (cookie) headers.cookie = cookie;
    if (authorization) headers.authorization = authorization;
    const res = await fetch(t.baseUrl + c.path, {
      method: c.method,
      headers,
      body: c.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  }

  it(
    'answers every hostile request with a clean 2xx or 4xx, and changes nothing when it refuses',
    async () => {
      const started = Date.now();
      const writes = routes.filter(isWrite);
      const perRoute = casesPerRoute(kind);
      const failures: string[] = [];
      const statuses: Record<string, number> = {};
      const refusals: Record<string, number> = {};
      let cases = 0;
      let baseline: DatabaseState | undefined;
      for (const [index, route] of writes.entries()) {
        const key = routeKey(route);
        const sample = fc.sample(fuzzCase(route, ids, allIds), { numRuns: perRoute, seed: SEED + index });
        const scim = isScimRoute(route);
        const mayChange = new Set([...(MAY_CHANGE_WHEN_REFUSED[key] ?? []), ...(scim ? SCIM_MAY_CHANGE : [])]);
        for (const c of sample) {
          cases++;
          // The identity provider calls SCIM with its token and no cookie; everyone else is the signed-in admin.
          let cookie: string | undefined = scim ? undefined : t.admin.sessionCookie;
          if (key === 'POST /api/auth/login') cookie = undefined; // a sign-in attempt ends the caller's current session first
          if (SIGN_OUT_ROUTES.has(key)) {
            cookie = await throwawaySession();
            baseline = undefined;
          }
          baseline ??= await captureDatabaseState(t.db);
          let res: { status: number; text: string; contentType: string };
          try {
            res = await send(c, cookie, scim ? scimAuthorization : undefined);
          } catch (error) {
            failures.push(`${c.label} → no answer: ${(error as Error).message}`);
            baseline = undefined;
            continue;
          }
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const after = await captureDatabaseState(t.db);
          if (res.status >= 500) failures.push(`${c.label} → ${res.status} ${res.text.slice(0, 300)}`);
          else if (res.status >= 400) {
            const code = /"(?:code|scimType)":"(\w+)"/.exec(res.text)?.[1] ?? String(res.status);
            refusals[code] = (refusals[code] ?? 0) + 1;
            const changed = changedTables(baseline, after).filter((table) => !mayChange.has(table.split(' ')[0]!));
            if (changed.length) failures.push(`${c.label} → ${res.status} but changed ${changed.join(', ')}`);
            // Node answers 431 (headers too large) itself, with no body: nothing of ours to leak.
            if (!(res.status === 431 && res.text === '')) {
              try {
                let body: unknown;
                try {
                  body = JSON.parse(res.text);
                } catch {
                  body = res.text;
                }
                const answer = { status: res.status, body, headers: new Headers({ 'content-type': res.contentType }) };
                if (scim) expectCleanScimError(answer, res.status);
                else expectCleanError(answer, res.status);
              } catch (error) {
                failures.push(`${c.label} → unclean error body: ${(error as Error).message.split('\n')[0]}`);
              }
            }
          } else if (route.response && res.status !== 204) {
            // Accepted: what comes back must still be the promised shape (no NaN, no lost fields).
            const parsed = route.response.safeParse(JSON.parse(res.text));
            if (!parsed.success)
              failures.push(
                `${c.label} → ${res.status} with a body that breaks its schema: ${parsed.error.message.slice(0, 300)}`,
              );
          }
          baseline = after;
        }
      }

      // After all that, every read still works: nothing stored that a page cannot show.
      const brokenReads: string[] = [];
      for (const route of routes.filter(
        (r) => !isWrite(r) && !SSO_REDIRECTS.has(routeKey(r)) && !TOKEN_READS.has(routeKey(r)),
      )) {
        const path = fillPath(route.path, ids);
        const res = isScimRoute(route)
          ? await t.anonymous.get(path, { authorization: scimAuthorization })
          : await t.admin.get(path);
        const byId = route.path.includes(':');
        if (res.status >= 500 || (!byId && res.status !== 200))
          brokenReads.push(`${routeKey(route)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      const integrity = await integrityCheck(t.db);
      const count = (from: number, to: number) =>
        Object.entries(statuses).reduce((n, [s, c]) => (Number(s) >= from && Number(s) < to ? n + c : n), 0);
      reportFigures(`fuzz-${kind}`, {
        seed: SEED,
        'write routes': writes.length,
        'cases per route': perRoute,
        'cases tried': cases,
        'answered 2xx': count(200, 300),
        'answered 4xx': count(400, 500),
        'answered 5xx': count(500, 600),
        'statuses seen': Object.keys(statuses).sort().join(' '),
        'refusals by code': Object.entries(refusals)
          .sort(([, a], [, b]) => b - a)
          .map(([c, n]) => `${c} ${n}`)
          .join(', '),
        failures: failures.length,
        'reads broken afterwards': brokenReads.length,
        'integrity check': integrity,
        'duration s': Math.round((Date.now() - started) / 1000),
      });
      expect(failures.slice(0, 20)).toEqual([]);
      expect(brokenReads).toEqual([]);
      expect(integrity).toBe('ok');
      expect(cases).toBe(writes.length * perRoute);
    },
    FULL ? 4 * 3_600_000 : 300_000,
  );
});
