import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const NEW_PASSWORD = 'a fresh and long passphrase';

/**
 * Users change their own password with the current one; it ends every other
 * session and every API token of theirs, keeps the session that made the
 * change, refuses common passwords, and counts wrong current passwords like
 * failed sign-ins. An admin's reset of someone else's password is a
 * different, audited action from an admin's session only.
 */
describeEachDatabase('changing my own password, and an admin reset', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.stop());

  async function newUser(role: 'viewer' | 'editor' = 'editor') {
    const email = `pw-${randomUUID().slice(0, 8)}@test.local`;
    const res = await t.admin.post('/api/users', { email, name: 'Changing user', role, password: PASSWORD });
    expect(res.status).toBe(201);
    const here = t.client();
    await here.login(email, PASSWORD);
    const elsewhere = t.client();
    await elsewhere.login(email, PASSWORD);
    return { id: res.body.id as string, version: res.body.version as number, email, here, elsewhere };
  }
  const change = (c: ReturnType<TestServer['client']>, currentPassword: string, newPassword: string) =>
    c.post('/api/auth/password', { currentPassword, newPassword });

  it('changes the password with the current one, ends other sessions and tokens, keeps this session', async () => {
    const u = await newUser();
    const token = (await u.here.post('/api/api-tokens', { name: 'Script', scope: 'write' })).body.token as string;
    const res = await change(u.here, PASSWORD, NEW_PASSWORD);
    expect(res.status).toBe(204);
    expect((await u.here.get('/api/auth/me')).status).toBe(200);
    expect((await u.elsewhere.get('/api/auth/me')).status).toBe(401);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.client().get('/api/backlog-items?limit=1', bearer)).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD })).status).toBe(401);
    await t.client().login(u.email, NEW_PASSWORD);
    // The trail says who changed it and how, and never holds the hash.
    const trail = (await t.admin.get(`/api/audit-events?entity=user&entityId=${u.id}`)).body;
    const entries = (trail.items ?? trail) as { actorId: string; after: Record<string, unknown> }[];
    const entry = entries.find((e) => e.after?.passwordChange === 'changed by the user');
    expect(entry?.actorId).toBe(u.id);
    expect(JSON.stringify(entries)).not.toMatch(/argon2/);
  });

  it('refuses a wrong current password (400 on the field, nothing changed) and counts it as a failed sign-in', async () => {
    const u = await newUser('viewer');
    const wrong = await change(u.here, 'not my password at all', NEW_PASSWORD);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toEqual(['currentPassword']);
    expect((await u.elsewhere.get('/api/auth/me')).status).toBe(200);
    await change(u.here, 'not my password at all', NEW_PASSWORD);
    await change(u.here, 'not my password at all', NEW_PASSWORD);
    // Three failures with LOGIN_MAX_FAILURES=3: guessing stops here, even with the right one.
    expect((await change(u.here, PASSWORD, NEW_PASSWORD)).status).toBe(429);
  });

  it('refuses a common or short new password', async () => {
    const u = await newUser();
    const common = await change(u.here, PASSWORD, 'password1234');
    expect(common.status).toBe(400);
    expect(common.body.error.issues[0].path).toEqual(['newPassword']);
    expect((await change(u.here, PASSWORD, 'short')).status).toBe(400);
    expect((await u.elsewhere.get('/api/auth/me')).status).toBe(200);
  });

  it('is refused to API tokens, and an admin reset is recorded as a reset by the admin', async () => {
    const u = await newUser();
    const token = (await u.here.post('/api/api-tokens', { name: 'Script', scope: 'write' })).body.token as string;
    const byToken = await t.client().post(
      '/api/auth/password',
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(byToken.status).toBe(403);
    const reset = await t.admin.patch(`/api/users/${u.id}`, { password: NEW_PASSWORD }, u.version);
    expect(reset.status).toBe(200);
    const trail = (await t.admin.get(`/api/audit-events?entity=user&entityId=${u.id}`)).body;
    const entries = (trail.items ?? trail) as { actorId: string; after: Record<string, unknown> }[];
    expect(entries.find((e) => e.after?.passwordChange === 'reset by an admin')?.actorId).toBe(t.users.admin);
  });
});
