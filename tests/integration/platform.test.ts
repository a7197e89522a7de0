import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../server/src/http/route';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { buildTeam } from '../support/factories';
import { listRoutes, routeKey } from '../support/routes';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('health, OpenAPI, headers and error bodies', (kind) => {
  let t: TestServer;
  let routes: RouteDef[];
  beforeAll(async () => {
    t = await startTestServer(kind);
    routes = listRoutes(t);
  });
  afterAll(() => t.stop());

  it('answers /healthz and /readyz without signing in', async () => {
    const health = await t.anonymous.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await t.anonymous.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: kind });
  });

  it('describes every route in /api/openapi.json, with its access level', async () => {
    const res = await t.viewer.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(res.body.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        documented.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')} ${op['x-keyline-access']}`);
      }
    }
    expect(documented.sort()).toEqual(routes.map((r) => `${routeKey(r)} ${r.access}`).sort());
    const patchItem = res.body.paths['/api/backlog-items/{id}'].patch;
    expect(patchItem.parameters.map((p: any) => p.name)).toEqual(['id', 'If-Match']);
    expect(patchItem.requestBody.content['application/json'].schema.properties).toHaveProperty('effort');
    expect(res.body.paths['/api/backlog-items'].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['status', 'sort', 'limit', 'cursor']),
    );
  });

  it('sends helmet’s security headers on pages, API answers and errors alike', async () => {
    for (const res of [
      await t.anonymous.get('/healthz'),
      await t.viewer.get('/api/teams'),
      await t.anonymous.get('/api/teams'),
    ]) {
      const h = res.headers;
      expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  it('marks every /api answer Cache-Control: no-store, errors included', async () => {
    const team = await buildTeam(t.admin);
    const answers = [
      await t.viewer.get('/api/teams'),
      await t.viewer.get(`/api/teams/${team.id}`),
      await t.anonymous.get('/api/auth/me'),
      await t.viewer.get('/api/nothing-here'),
      await t.admin.patch(`/api/teams/${team.id}`, { name: 'No store' }, team.version),
      await t.viewer.get('/api/openapi.json'),
    ];
    for (const res of answers) expect(res.headers.get('cache-control'), String(res.status)).toBe('no-store');
  });

  it('gives each row read a strong ETag from its version', async () => {
    const team = await buildTeam(t.admin);
    expect((await t.viewer.get(`/api/teams/${team.id}`)).headers.get('etag')).toBe('"1"');
    const renamed = await t.admin.patch(`/api/teams/${team.id}`, { name: `${team.name} 2` }, 1);
    expect(renamed.headers.get('etag')).toBe('"2"');
  });

  it('echoes a sane X-Request-Id and replaces anything else', async () => {
    const echoed = await t.viewer.get('/api/teams', { 'x-request-id': 'trace-123_abc' });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123_abc');
    const replaced = await t.viewer.get('/api/teams', { 'x-request-id': 'bad id; <script>' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers every kind of 4xx with a clean { error } body: no stack, no SQL', async () => {
    const team = await buildTeam(t.admin);
    expectCleanError(await t.anonymous.get('/api/teams'), 401, 'UNAUTHENTICATED');
    expectCleanError(await t.viewer.post('/api/backlog-items', { title: 'x' }), 403, 'FORBIDDEN');
    expectCleanError(await t.viewer.get(`/api/teams/${crypto.randomUUID()}`), 404, 'NOT_FOUND');
    expectCleanError(await t.admin.post('/api/teams', { name: team.name }), 409, 'DUPLICATE');
    expectCleanError(await t.admin.patch(`/api/teams/${team.id}`, { name: 'x' }), 428, 'PRECONDITION_REQUIRED');
    const stale = await t.admin.patch(`/api/teams/${team.id}`, { name: 'x' }, 7);
    expectCleanError(stale, 412, 'VERSION_CONFLICT');
    expect(stale.body.error.current).toMatchObject({ id: team.id, version: 1 });
    const invalid = await t.editor.post('/api/backlog-items', { title: '', effort: -1 });
    expectCleanError(invalid, 400, 'VALIDATION_FAILED');
    expect(invalid.body.error.issues.map((i: any) => i.path[0]).sort()).toEqual(['effort', 'title']);
  });
});

describeEachDatabase('when the database goes away', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  describe('with the connection closed under a running server', () => {
    beforeAll(async () => {
      await t.db.close();
    });

    it('answers an opaque 500: no stack, no SQL, no driver message', async () => {
      const res = await t.viewer.get('/api/teams');
      expectCleanError(res, 500, 'INTERNAL');
      expect(res.body.error.message).toBe('Something went wrong on our side; it has been logged');
      const write = await t.editor.post('/api/backlog-items', { title: 'Lost?' });
      expectCleanError(write, 500, 'INTERNAL');
    });

    it('reports not ready, while still alive', async () => {
      const ready = await t.anonymous.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'database-unavailable' });
      expect((await t.anonymous.get('/healthz')).status).toBe(200);
    });
  });
});
