import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * An admin's read-write API token was a permanent admin.
 * With the token alone one could make a new admin, reset anyone's password,
 * download every password hash and pass restore's access check. Tokens are
 * for scripts: administration needs a signed-in session (`sessionOnly` in the
 * route table); ordinary work still goes through with the token.
 */
describeEachDatabase('session-only administration', (kind) => {
  let t: TestServer;
  let script: ApiClient;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    t = await startTestServer(kind);
    const token = (await t.admin.post('/api/api-tokens', { name: 'CI script', scope: 'write' })).body;
    bearer = { authorization: `Bearer ${token.token}` };
    script = t.client();
  });
  afterAll(() => t.stop());

  it('refuses an admin’s write token everything that administers accounts, credentials or the organisation', async () => {
    const newAdmin = { email: 'mallory@test.local', name: 'Mallory', role: 'admin', password: PASSWORD };
    expectCleanError(await script.post('/api/users', newAdmin, bearer), 403, 'FORBIDDEN');
    // Nobody was made: Mallory cannot sign in.
    expect((await t.client().post('/api/auth/login', { email: newAdmin.email, password: PASSWORD })).status).toBe(401);

    const viewer = (await t.admin.get(`/api/users/${t.users.viewer}`)).body;
    const reset = await script.patch(
      `/api/users/${viewer.id}`,
      { password: 'a new password for you' },
      viewer.version,
      bearer,
    );
    expectCleanError(reset, 403, 'FORBIDDEN');
    expect((await t.client().post('/api/auth/login', { email: 'viewer@test.local', password: PASSWORD })).status).toBe(
      200,
    );

    const backup = await script.get('/api/backup', bearer);
    expectCleanError(backup, 403, 'FORBIDDEN');
    expect(JSON.stringify(backup.body)).not.toContain('$argon2');

    for (const [method, path] of [
      ['GET', '/api/users'],
      ['GET', '/api/api-tokens'],
      ['POST', '/api/api-tokens'],
      ['GET', '/api/share-links'],
      ['POST', '/api/share-links'],
      ['PUT', '/api/settings/scoring'],
      ['PUT', '/api/settings/lifecycle'],
    ] as const) {
      const res = await script.request(method, path, {
        headers: { ...bearer, 'if-match': '"0"' },
        ...(method !== 'GET' && { body: {} }),
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // Restore never reads the body of a token caller (a session is needed before 100 MB are parsed).
    const restore = await script.request('POST', '/api/restore', {
      headers: bearer,
      body: { format: 'keyline-backup' },
    });
    expect([401, 403]).toContain(restore.status);
  });

  it('still lets the same token do a script’s work, and the admin’s session do the administration', async () => {
    const item = await script.post('/api/backlog-items', { title: 'Filed by a script' }, bearer);
    expect(item.status).toBe(201);
    expect((await t.admin.get('/api/backup')).status).toBe(200);
    const created = await t.admin.post('/api/users', {
      email: 'invited@test.local',
      name: 'Invited',
      role: 'viewer',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
  });

  it('tells API clients which routes are session-only in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).body;
    expect(doc.paths['/api/users'].post['x-keyline-session-only']).toBe(true);
    expect(doc.paths['/api/backlog-items'].post['x-keyline-session-only']).toBeUndefined();
  });
});
