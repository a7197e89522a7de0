import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteDef } from '../../server/src/http/route';
import type { ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { fillPath, isScimRoute, listRoutes, routeKey } from '../support/routes';
import { auditCount } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

/** Fields computed at read time (scores): not stored, so not part of "unchanged". */
const COMPUTED = ['valueScore', 'intrinsic', 'alignment', 'breakdown', 'flags'];
const stored = (body: any) => Object.fromEntries(Object.entries(body).filter(([k]) => !COMPUTED.includes(k)));

interface Target {
  /** The id put into the route's `:id`. */
  id: string;
  /** The row as the API shows it now. */
  read(): Promise<any>;
  /**
   * One real change through the API, so the row's version moves past the one
   * the client holds. Absent when nothing but the route under test changes
   * the row: then a version the row does not have stands in for a stale one.
   */
  touch?(version: number): Promise<ApiResponse>;
  /** A valid body when it depends on the row (a whole settings document). */
  body?: unknown;
}

interface PreconditionCase {
  make(t: TestServer): Promise<Target>;
  /** A body that succeeds with the right If-Match: so a 428/412 is about the header, nothing else. */
  body?: unknown;
}

const unique = () => randomUUID().slice(0, 8);

async function readOk(t: TestServer, path: string): Promise<any> {
  const res = await t.admin.get(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return res.body;
}

/** A settings document: one row whose id is its key, version 0 until first saved. */
const settingsDocument =
  (key: string) =>
  async (t: TestServer): Promise<Target> => {
    const path = `/api/settings/${key}`;
    const { settings } = await readOk(t, path);
    return {
      id: key,
      read: () => readOk(t, path),
      body: settings,
      touch: (v) => t.admin.request('PUT', path, { body: settings, headers: { 'if-match': `"${v}"` } }),
    };
  };

const users = (t: TestServer): Promise<Target> =>
  t.admin.post('/api/users', { email: `pre-${unique()}@test.local`, name: 'Pre', role: 'editor' }).then((res) => ({
    read: () => readOk(t, `/api/users/${res.body.id}`),
    id: res.body.id,
    touch: (v) => t.admin.patch(`/api/users/${res.body.id}`, { name: `Pre ${unique()}` }, v),
  }));
const teams = (t: TestServer): Promise<Target> =>
  buildTeam(t.admin).then((team) => ({
    read: () => readOk(t, `/api/teams/${team.id}`),
    id: team.id,
    touch: (v) => t.admin.patch(`/api/teams/${team.id}`, { name: `Team ${unique()}` }, v),
  }));
const cycles = (t: TestServer): Promise<Target> =>
  buildCycle(t.editor).then((cycle) => ({
    read: () => readOk(t, `/api/cycles/${cycle.id}`),
    id: cycle.id,
    touch: (v) => t.editor.patch(`/api/cycles/${cycle.id}`, { name: `C ${unique()}` }, v),
  }));
const objectives = (t: TestServer): Promise<Target> =>
  buildObjective(t.editor).then((o) => ({
    read: () => readOk(t, `/api/objectives/${o.id}`),
    id: o.id,
    touch: (v) => t.editor.patch(`/api/objectives/${o.id}`, { title: `O ${unique()}` }, v),
  }));
const keyResults = (t: TestServer): Promise<Target> =>
  buildKeyResult(t.editor).then((kr) => ({
    read: () => readOk(t, `/api/key-results/${kr.id}`),
    id: kr.id,
    touch: (v) => t.editor.patch(`/api/key-results/${kr.id}`, { title: `KR ${unique()}` }, v),
  }));
const backlogItems = (t: TestServer): Promise<Target> =>
  buildBacklogItem(t.editor).then((item) => ({
    read: () => readOk(t, `/api/backlog-items/${item.id}`),
    id: item.id,
    touch: (v) => t.editor.patch(`/api/backlog-items/${item.id}`, { title: `I ${unique()}` }, v),
  }));

const webhooks = (t: TestServer): Promise<Target> =>
  t.admin.post('/api/webhooks', { url: 'http://93.184.216.34/pre', events: ['cycle.closed'] }).then((res) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    return {
      id,
      read: async () => (await readOk(t, '/api/webhooks')).find((w: any) => w.id === id),
      touch: (v) => t.admin.patch(`/api/webhooks/${id}`, { events: ['cycle.closed', 'check_in.created'] }, v),
    };
  });
const chatChannels = (t: TestServer): Promise<Target> =>
  t.admin
    .post('/api/chat-channels', { platform: 'slack', name: '#pre', url: 'https://93.184.216.34/services/pre' })
    .then((res) => {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.id;
      return {
        id,
        read: async () => (await readOk(t, '/api/chat-channels')).find((c: any) => c.id === id),
        touch: (v) => t.admin.patch(`/api/chat-channels/${id}`, { name: '#pre-renamed' }, v),
      };
    });
const comments = (t: TestServer): Promise<Target> =>
  buildKeyResult(t.editor).then(async (kr) => {
    const subject = `key_result:${kr.id}`;
    const res = await t.admin.post(`/api/comments?subject=${subject}`, { body: 'Precondition' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    return {
      id,
      read: async () => (await readOk(t, `/api/comments?subject=${subject}`)).find((c: any) => c.id === id),
      touch: (v) => t.admin.patch(`/api/comments/${id}`, { body: `Precondition ${unique()}` }, v),
    };
  });
/** A GitHub connection to an address nothing listens on: no test here syncs it. */
const connections = (t: TestServer): Promise<Target> =>
  t.admin
    .post('/api/integrations', {
      kind: 'github',
      name: `Pre ${unique()}`,
      baseUrl: 'http://127.0.0.1:9/api/v3',
      repo: 'acme/web',
      token: 'ghp_precondition',
    })
    .then((res) => {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.id;
      return {
        id,
        read: () => readOk(t, `/api/integrations/${id}`),
        touch: (v) => t.admin.patch(`/api/integrations/${id}`, { name: `Pre ${unique()}` }, v),
      };
    });

/**
 * Every route that takes If-Match needs a case here; the test fails naming
 * any that lacks one, so a new versioned route cannot slip past.
 */
const CASES: Record<string, PreconditionCase> = {
  'PATCH /api/users/:id': { make: users, body: { name: 'Changed' } },
  'DELETE /api/users/:id': { make: users },
  'PATCH /api/teams/:id': { make: teams, body: { name: 'Changed team' } },
  'DELETE /api/teams/:id': { make: teams },
  'PATCH /api/cycles/:id': { make: cycles, body: { name: 'Changed cycle' } },
  'DELETE /api/cycles/:id': { make: cycles },
  'PATCH /api/objectives/:id': { make: objectives, body: { title: 'Changed' } },
  'DELETE /api/objectives/:id': { make: objectives },
  'PATCH /api/key-results/:id': { make: keyResults, body: { title: 'Changed' } },
  'DELETE /api/key-results/:id': { make: keyResults },
  'PATCH /api/backlog-items/:id': { make: backlogItems, body: { title: 'Changed' } },
  'DELETE /api/backlog-items/:id': { make: backlogItems },
  'POST /api/backlog-items/:id/move': { make: backlogItems, body: { position: 'top' } },
  'PUT /api/settings/scoring': { make: settingsDocument('scoring') },
  'PUT /api/settings/lifecycle': { make: settingsDocument('lifecycle') },
  'PUT /api/settings/notifications': { make: settingsDocument('notifications') },
  // One's own notification choices: a document whose id is the user's, version 0 until first saved.
  'PUT /api/notifications/preferences': {
    make: async (t) => {
      const path = '/api/notifications/preferences';
      const current = await readOk(t, path);
      return {
        id: current.id,
        read: () => readOk(t, path),
        touch: (v) => t.admin.request('PUT', path, { body: { timeZone: 'UTC' }, headers: { 'if-match': `"${v}"` } }),
      };
    },
    body: { timeZone: 'Europe/Berlin' },
  },
  'PUT /api/key-results/:id/grade': {
    // Grading is for active or closed cycles; a closed one keeps the single active slot free.
    make: async (t) => {
      const kr = await buildKeyResult(t.editor);
      const cycle = await readOk(t, `/api/cycles/${kr.cycleId}`);
      expect((await t.editor.patch(`/api/cycles/${cycle.id}`, { status: 'closed' }, cycle.version)).status).toBe(200);
      return {
        id: kr.id,
        read: () => readOk(t, `/api/key-results/${kr.id}`),
        touch: (v) => t.editor.put(`/api/key-results/${kr.id}/grade`, { grade: 0.3 }, { 'if-match': `"${v}"` }),
      };
    },
    body: { grade: 0.7, note: 'Met the stretch' },
  },
  'POST /api/cycles/:id/close': { make: cycles, body: {} },
  'PUT /api/settings/outcomes': { make: settingsDocument('outcomes') },
  'PATCH /api/webhooks/:id': { make: webhooks, body: { active: false } },
  'DELETE /api/webhooks/:id': { make: webhooks },
  'PATCH /api/comments/:id': { make: comments, body: { body: 'Changed' } },
  'DELETE /api/comments/:id': { make: comments },
  'PATCH /api/chat-channels/:id': { make: chatChannels, body: { active: false } },
  'DELETE /api/chat-channels/:id': { make: chatChannels },
  'PATCH /api/integrations/:id': { make: connections, body: { paused: true } },
  'DELETE /api/integrations/:id': { make: connections },
  'DELETE /api/share-links/:id': {
    make: async (t) => {
      const created = await t.editor.post('/api/share-links', { name: `Link ${unique()}` });
      expect(created.status).toBe(201);
      const id = created.body.id;
      return { id, read: async () => (await readOk(t, '/api/share-links')).find((l: any) => l.id === id) };
    },
  },
};

describeEachDatabase('If-Match on every versioned write', (kind) => {
  let t: TestServer;
  let routes: RouteDef[];
  beforeAll(async () => {
    t = await startTestServer(kind, { KEYLINE_SECRET_KEY: randomBytes(32).toString('base64') });
    routes = listRoutes(t);
  });
  afterAll(() => t.stop());

  it('asks for If-Match on every PATCH, and on every DELETE of a versioned row', () => {
    // SCIM (RFC 7644) is the identity provider's protocol: it sends no If-Match, and its writes are idempotent.
    const app = routes.filter((r) => !isScimRoute(r));
    expect(app.filter((r) => r.method === 'patch' && !r.ifMatch).map(routeKey)).toEqual([]);
    // Neither a link nor a token has a version: removing one is idempotent.
    expect(
      app
        .filter((r) => r.method === 'delete' && !r.ifMatch)
        .map(routeKey)
        .sort(),
    ).toEqual([
      'DELETE /api/api-tokens/:id',
      'DELETE /api/backlog-items/:id/links/:keyResultId',
      'DELETE /api/sso/scim-tokens/:id',
    ]);
  });

  it('has a case for every route that takes If-Match', () => {
    const versioned = routes.filter((r) => r.ifMatch).map(routeKey);
    expect(versioned.filter((key) => !(key in CASES))).toEqual([]);
  });

  it('answers 428 without If-Match and 412 with a stale one, carrying the current row, and changes nothing', async () => {
    for (const route of routes.filter((r) => r.ifMatch)) {
      const key = routeKey(route);
      const c = CASES[key];
      if (!c) continue; // reported by the test above
      const admin = t.admin;
      const target = await c.make(t);
      const path = fillPath(route.path, { [route.path.split('/')[2] ?? '']: target.id });
      const body = c.body ?? target.body ?? {};
      const sendWith = (ifMatch?: string) =>
        admin.request(route.method.toUpperCase(), path, {
          ...(route.method !== 'delete' && { body }),
          headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
        });
      const read = async () => stored(await target.read());

      // 428: no If-Match at all.
      const v1 = (await target.read()).version;
      let before = await read();
      let audits = await auditCount(admin);
      const missing = await sendWith();
      expect(missing.status, `${key} without If-Match`).toBe(428);
      expect(missing.body.error.code).toBe('PRECONDITION_REQUIRED');
      expect(await read(), `${key}: row unchanged after 428`).toEqual(before);
      expect(await auditCount(admin)).toBe(audits);

      // 412: someone else changed the row since this client read it.
      let stalePrecondition = v1 + 1;
      if (target.touch) {
        const touched = await target.touch(v1);
        expect(touched.status, `${key}: touch ${JSON.stringify(touched.body)}`).toBe(200);
        stalePrecondition = v1;
      }
      const current = (await target.read()).version;
      before = await read();
      audits = await auditCount(admin);
      const stale = await sendWith(`"${stalePrecondition}"`);
      expect(stale.status, `${key} with a stale If-Match`).toBe(412);
      expect(stale.body.error.code).toBe('VERSION_CONFLICT');
      expect(stale.body.error.current.version, `${key}: error.current is the row as it is now`).toBe(current);
      expect(stale.body.error.current.id).toBe(target.id);
      expect(await read(), `${key}: row unchanged after 412`).toEqual(before);
      expect(await auditCount(admin)).toBe(audits);

      // An If-Match that names no version cannot match either.
      const garbled = await sendWith('W/"abc"');
      expect(garbled.status, `${key} with an unreadable If-Match`).toBe(412);
      expect(await read()).toEqual(before);

      // With the current version the same request goes through: the 428/412 were about the header alone.
      const ok = await sendWith(`"${current}"`);
      expect(ok.status, `${key} with the current version: ${JSON.stringify(ok.body)}`).toBeLessThan(300);
      expect(await auditCount(admin)).toBe(audits + 1);
    }
  });
});
