import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteDef } from '../../server/src/http/route';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildRouteIds, callRoute, isWrite, listRoutes, routeKey, type RouteIds } from '../support/routes';
import { captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Who may call what, walked over the server's own route list: a route added
 * later is covered without editing this file.
 */
describeEachDatabase('authorization matrix', (kind) => {
  let t: TestServer;
  let routes: RouteDef[];
  let ids: RouteIds;

  beforeAll(async () => {
    t = await startTestServer(kind);
    routes = listRoutes(t);
    ids = await buildRouteIds(t);
  });
  afterAll(() => t.stop());

  /** Calls each route and lists the ones whose answer is not the expected one. */
  async function mismatches(api: ApiClient, selected: RouteDef[], status: number, code: string): Promise<string[]> {
    const wrong: string[] = [];
    for (const route of selected) {
      const res = await callRoute(api, route, ids);
      if (res.status !== status || res.body?.error?.code !== code) wrong.push(`${routeKey(route)} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    return wrong;
  }

  it('walks a route list that covers every feature', () => {
    const keys = routes.map(routeKey);
    for (const key of [
      'POST /api/auth/login',
      'GET /api/users',
      'DELETE /api/teams/:id',
      'PATCH /api/cycles/:id',
      'POST /api/objectives',
      'POST /api/key-results/:id/check-ins',
      'POST /api/backlog-items/:id/move',
      'PUT /api/backlog-items/:id/links/:keyResultId',
      'GET /api/audit-events',
    ]) {
      expect(keys).toContain(key);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers 401 to an anonymous caller on every route that is not public, and changes nothing', async () => {
    const before = await captureState(t.admin);
    const guarded = routes.filter((r) => r.access !== 'public');
    expect(await mismatches(t.anonymous, guarded, 401, 'UNAUTHENTICATED')).toEqual([]);
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('answers 403 to a viewer on every editor and admin route: a viewer can write nothing', async () => {
    const before = await captureState(t.admin);
    const denied = routes.filter((r) => r.access === 'editor' || r.access === 'admin');
    // Every write that is not sign-in/out needs more than the viewer role.
    const writes = routes.filter((r) => isWrite(r) && r.access !== 'public');
    expect(writes.filter((r) => r.access === 'viewer').map(routeKey)).toEqual([]);
    expect(await mismatches(t.viewer, denied, 403, 'FORBIDDEN')).toEqual([]);
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('answers 403 to an editor on every admin route: users and teams are the admin’s', async () => {
    const before = await captureState(t.admin);
    const adminOnly = routes.filter((r) => r.access === 'admin');
    const keys = adminOnly.map(routeKey);
    for (const key of ['GET /api/users', 'POST /api/users', 'PATCH /api/users/:id', 'DELETE /api/users/:id', 'POST /api/teams', 'PATCH /api/teams/:id', 'DELETE /api/teams/:id']) {
      expect(keys).toContain(key);
    }
    expect(await mismatches(t.editor, adminOnly, 403, 'FORBIDDEN')).toEqual([]);
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('lets a viewer read every viewer route', async () => {
    const wrong: string[] = [];
    let ok = 0;
    for (const route of routes.filter((r) => r.access === 'viewer' && !isWrite(r))) {
      const res = await callRoute(t.viewer, route, ids);
      if (res.status === 200) ok++;
      else wrong.push(`${routeKey(route)} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(wrong).toEqual([]);
    expect(ok).toBeGreaterThanOrEqual(10);
  });

  it('lets each role past the access check of the writes its role allows (probed so that nothing changes)', async () => {
    const before = await captureState(t.admin);
    const wrong: string[] = [];
    const cases: [ApiClient, (r: RouteDef) => boolean][] = [
      [t.editor, (r) => r.access === 'editor' || r.access === 'viewer'],
      [t.admin, (r) => r.access !== 'public'],
    ];
    for (const [api, allowed] of cases) {
      for (const route of routes.filter((r) => isWrite(r) && allowed(r))) {
        // No If-Match (→ 428), an unknown field (→ 400) and random ids (→ 404):
        // each answer proves the role check passed, and none writes anything.
        if (!route.ifMatch && !route.body && !route.path.includes(':')) continue;
        const res = await api.request(route.method.toUpperCase(), route.path.replace(/:\w+/g, crypto.randomUUID()), {
          ...(route.method !== 'delete' && { body: { __probe: true } }),
        });
        if ([401, 403].includes(res.status) || res.status >= 500 || res.status < 400) wrong.push(`${routeKey(route)} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await captureState(t.admin)).toEqual(before);
  });
});
