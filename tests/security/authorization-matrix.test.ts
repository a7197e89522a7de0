import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HeadlineHistoryEntity } from '../../server/src/features/dashboard/headline-history.entity';
import type { RouteDef } from '../../server/src/http/route';
import { captureDatabaseState, changedTables, type DatabaseState } from '../reliability/support/db-state';
import { reportFigures } from '../reliability/support/mode';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { buildCycle, buildKeyResult, buildObjective } from '../support/factories';
import { buildRouteIds, fillPath, isWrite, listRoutes, routeKey, type RouteIds } from '../support/routes';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';
import { ACTORS, AUTHORIZATION_MATRIX, VIEWER_WRITES, type Expected, type MatrixActor } from './authorization-matrix';

/** Routes that end the caller's session: they get a session of their own. */
const SIGN_OUT_ROUTES = new Set(['POST /api/auth/logout', 'POST /api/auth/oidc/logout']);

/**
 * Walks every route of the real router (`apiRoutes`) as every kind of caller
 * and compares each answer with tests/security/authorization-matrix.ts.
 */
describeEachDatabase('authorization matrix', (kind) => {
  let t: TestServer;
  let routes: RouteDef[];
  let ids: RouteIds;
  /** How each caller presents itself: a cookie and/or headers. */
  let credentials: Record<MatrixActor, { cookie?: string; headers?: Record<string, string> }>;
  /** Sessions of their own for the sign-out route, so signing out does not end the sessions the walk uses. */
  let signOutCookies: Partial<Record<MatrixActor, string>>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    routes = listRoutes(t);
    ids = await buildRouteIds(t);
    // An active quarter, so the dashboard and the share link show real data.
    const active = await buildCycle(t.editor, { name: 'Matrix quarter', status: 'active' });
    await buildKeyResult(t.editor, { objectiveId: (await buildObjective(t.editor, { cycleId: active.id })).id });

    const disabledEmail = `disabled-${randomUUID().slice(0, 8)}@test.local`;
    const disabledUser = (
      await t.admin.post('/api/users', {
        email: disabledEmail,
        name: 'Disabled admin',
        role: 'admin',
        password: PASSWORD,
      })
    ).body;
    const disabledSession = t.client();
    await disabledSession.login(disabledEmail, PASSWORD);
    expect(
      (await t.admin.patch(`/api/users/${disabledUser.id}`, { disabled: true }, disabledUser.version)).status,
    ).toBe(200);

    const revoked = (await t.admin.post('/api/api-tokens', { name: 'Revoked', scope: 'write' })).body;
    expect((await t.admin.delete(`/api/api-tokens/${revoked.id}`)).status).toBe(204);
    const readToken = (await t.admin.post('/api/api-tokens', { name: 'Read only', scope: 'read' })).body;
    const writeToken = (await t.admin.post('/api/api-tokens', { name: 'Read-write', scope: 'write' })).body;
    const scimToken = (await t.admin.post('/api/sso/scim-tokens', { name: 'Matrix IdP' })).body;
    const share = (await t.editor.post('/api/share-links', { name: 'Matrix board' })).body;
    ids = { ...ids, 'api-tokens': readToken.id, 'share-links': share.id, token: share.token };

    credentials = {
      anonymous: {},
      viewer: { cookie: t.viewer.sessionCookie },
      editor: { cookie: t.editor.sessionCookie },
      admin: { cookie: t.admin.sessionCookie },
      disabled: { cookie: disabledSession.sessionCookie },
      revokedToken: { headers: { authorization: `Bearer ${revoked.token}` } },
      readToken: { headers: { authorization: `Bearer ${readToken.token}` } },
      writeToken: { headers: { authorization: `Bearer ${writeToken.token}` } },
      shareBearer: { headers: { authorization: `Bearer ${share.token}` } },
      shareCookie: { cookie: `keyline_session=${share.token}` },
      scimToken: { headers: { authorization: `Bearer ${scimToken.token}` } },
    };
    signOutCookies = {};
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const c = t.client();
      await c.login(`${role}@test.local`, PASSWORD);
      signOutCookies[role] = c.sessionCookie;
    }
    // The first dashboard view of a day records the day's headline: let it happen before the walk. It records
    // once the scored snapshot shows the active quarter, which on a busy machine can take a moment.
    for (const deadline = Date.now() + 20_000; ;) {
      expect((await t.viewer.get('/api/dashboard')).status).toBe(200);
      if ((await t.db.read((m) => m.count(HeadlineHistoryEntity))) > 0) break;
      if (Date.now() > deadline) throw new Error('the dashboard recorded no headline within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(() => t.stop());

  /** A fresh client per call: a response that clears the cookie must not change the next call's caller. */
  function clientFor(actor: MatrixActor, route: RouteDef): { api: ApiClient; headers: Record<string, string> } {
    const { cookie, headers = {} } = credentials[actor];
    const own = SIGN_OUT_ROUTES.has(routeKey(route)) ? (signOutCookies[actor] ?? cookie) : cookie;
    const api = new ApiClient(t.baseUrl);
    if (own) api.useSessionCookie(own);
    return { api, headers };
  }

  /**
   * OK and the denials use real ids, `If-Match: "1"` on rows at version 1 and
   * an empty JSON body: a request that would go through if the access check
   * were missing. PASS uses a probe that must be refused after the check.
   */
  function call(actor: MatrixActor, route: RouteDef, expected: Expected): Promise<ApiResponse> {
    const { api, headers } = clientFor(actor, route);
    const method = route.method.toUpperCase();
    const hasBody = isWrite(route) && method !== 'DELETE';
    if (expected === 'PASS') {
      const path = route.path.replace(/:\w+/g, () => randomUUID());
      return api.request(method, path, { headers, ...(hasBody && { body: { __probe: true } }) });
    }
    const allHeaders = { ...headers, ...(route.ifMatch && { 'if-match': '"1"' }) };
    return api.request(method, fillPath(route.path, ids), { headers: allHeaders, ...(hasBody && { body: {} }) });
  }

  function mismatch(expected: Expected, res: ApiResponse, route: RouteDef): string | undefined {
    const got = `${res.status} ${String(JSON.stringify(res.body)).slice(0, 160)}`;
    if (res.status >= 500) return got;
    if (route.path.startsWith('/scim/') && typeof expected === 'number') {
      // SCIM answers in its own error shape (RFC 7644 §3.12).
      const scimError = res.body?.schemas?.[0] === 'urn:ietf:params:scim:api:messages:2.0:Error';
      return res.status === expected && scimError && res.body.status === String(expected) ? undefined : got;
    }
    if (expected === 'OK') return res.status >= 200 && res.status < 300 ? undefined : got;
    if (expected === 'PASS') return res.status >= 400 && ![401, 403].includes(res.status) ? undefined : got;
    try {
      expectCleanError(res, expected, expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      return undefined;
    } catch {
      return got;
    }
  }

  it('has exactly one row per route of the real router, and one answer per caller in each', () => {
    const live = routes.map(routeKey);
    expect(new Set(live).size).toBe(live.length);
    const listed = Object.keys(AUTHORIZATION_MATRIX);
    expect(
      live.filter((k) => !listed.includes(k)),
      'routes with no row in tests/security/authorization-matrix.ts',
    ).toEqual([]);
    expect(
      listed.filter((k) => !live.includes(k)),
      'rows for routes that no longer exist',
    ).toEqual([]);
    for (const [key, row] of Object.entries(AUTHORIZATION_MATRIX))
      expect(Object.keys(row).sort(), key).toEqual([...ACTORS].sort());
  });

  it('refuses every API token on the routes the route table declares session-only, and gives a write token its owner’s rights elsewhere', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const row = AUTHORIZATION_MATRIX[routeKey(route)];
      if (!row || route.access === 'public') continue;
      // Session-only: every token is refused. Elsewhere a write token acts as the admin who made it.
      const actors = route.sessionOnly
        ? (['writeToken', 'readToken', 'revokedToken'] as const)
        : (['writeToken'] as const);
      for (const actor of actors) {
        const allowed: Expected[] = route.sessionOnly ? [401, 403] : [row.admin];
        if (!allowed.includes(row[actor])) wrong.push(`${routeKey(route)} as ${actor}: the matrix says ${row[actor]}`);
      }
    }
    expect(routes.filter((r) => r.sessionOnly).length).toBeGreaterThan(0);
    expect(wrong, 'matrix rows that disagree with sessionOnly in the route table').toEqual([]);
  });

  it('lets no one write without a role: anonymous, disabled, revoked, read-only and share-link callers change nothing anywhere, and viewers only where VIEWER_WRITES says', () => {
    const allowedWrites: string[] = [];
    for (const route of routes.filter((r) => isWrite(r) && r.access !== 'public')) {
      const row = AUTHORIZATION_MATRIX[routeKey(route)];
      if (!row) continue; // reported by the test above
      for (const actor of [
        'anonymous',
        'viewer',
        'disabled',
        'revokedToken',
        'readToken',
        'shareBearer',
        'shareCookie',
      ] as const) {
        if (actor === 'viewer' && VIEWER_WRITES.has(routeKey(route))) continue;
        if (row[actor] === 'OK' || row[actor] === 'PASS') allowedWrites.push(`${routeKey(route)} as ${actor}`);
      }
    }
    expect(allowedWrites).toEqual([]);
  });

  it('answers every route as the matrix says, for every caller, and nothing changes in the database', async () => {
    const started = Date.now();
    const before: DatabaseState = await captureDatabaseState(t.db);
    const wrong: string[] = [];
    const counts: Record<string, number> = { OK: 0, PASS: 0, 401: 0, 403: 0 };
    for (const route of routes) {
      const row = AUTHORIZATION_MATRIX[routeKey(route)];
      if (!row) continue;
      for (const actor of ACTORS) {
        const expected = row[actor];
        const problem = mismatch(expected, await call(actor, route, expected), route);
        counts[expected] = (counts[expected] ?? 0) + 1;
        if (problem) wrong.push(`${routeKey(route)} as ${actor}: expected ${expected}, got ${problem}`);
      }
    }
    const after = await captureDatabaseState(t.db, {});
    // Signing out ends the sessions made for it: that is the one change the walk makes.
    const changed = changedTables(before, after).filter((c) => !c.startsWith('sessions '));
    reportFigures(`authorization-matrix-${kind}`, {
      routes: routes.length,
      callers: ACTORS.length,
      'cells checked': routes.length * ACTORS.length,
      'expected 2xx': counts.OK!,
      'expected past the access check (probe)': counts.PASS!,
      'expected 401': counts[401]!,
      'expected 403': counts[403]!,
      mismatches: wrong.length,
      'tables changed': changed.length,
      'duration ms': Date.now() - started,
    });
    expect(wrong).toEqual([]);
    expect(changed).toEqual([]);
    expect(after.sessions!.rows).toBe(before.sessions!.rows - 3);
    // ~900 requests one after another: 5-10 s on a quiet machine, past the 30 s default at load average 20.
  }, 120_000);

  it('still knows every caller afterwards: the walk ended no session but the ones made to sign out', async () => {
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      expect((await t.client().useSessionCookie(credentials[role].cookie!).get('/api/auth/me')).status).toBe(200);
      expect((await t.client().useSessionCookie(signOutCookies[role]!).get('/api/auth/me')).status).toBe(401);
    }
  });
});
