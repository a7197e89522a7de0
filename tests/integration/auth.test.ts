import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('sign-in and sessions', (kind) => {
  let t: TestServer;
  // A low limit so the throttle test needs few attempts; per IP the server allows 5× this.
  beforeAll(async () => {
    t = await startTestServer(kind, { LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.stop());

  async function makeUser(role: 'admin' | 'editor' | 'viewer' = 'editor') {
    const email = `u-${randomUUID().slice(0, 8)}@test.local`;
    const res = await t.admin.post('/api/users', { email, name: `User ${email}`, role, password: PASSWORD });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email, version: res.body.version as number };
  }

  async function signIn(email: string, password = PASSWORD): Promise<ApiClient> {
    const c = t.client();
    await c.login(email, password);
    return c;
  }

  /** A client that sends a given (possibly ended) session cookie. */
  const replay = (cookie: string) => t.client().useSessionCookie(cookie);

  it('signs in, says who is signed in, and signs out for good', async () => {
    const u = await makeUser('editor');
    const c = t.client();
    const login = await c.post('/api/auth/login', { email: u.email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual({ id: u.id, email: u.email, name: `User ${u.email}`, role: 'editor' });
    expect(JSON.stringify(login.body)).not.toMatch(/password|hash/i);
    const cookie = c.sessionCookie;
    expect(cookie).toMatch(/^keyline_session=.+/);

    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(u.id);

    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/keyline_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    // The session is over on the server, not just forgotten by this client.
    const replayed = await replay(cookie).get('/api/auth/me');
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax for the whole site', async () => {
    const u = await makeUser();
    const res = await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD });
    const setCookie = res.headers.get('set-cookie') ?? '';
    const attributes = setCookie.split(';').map((p) => p.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^keyline_session=[\w-]{20,}$/);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
  });

  it('issues a new session id at every sign-in and ends the one it replaces', async () => {
    const u = await makeUser();
    const c = await signIn(u.email);
    const first = c.sessionCookie;
    await c.login(u.email, PASSWORD);
    const second = c.sessionCookie;
    expect(second).not.toBe(first);
    expect((await replay(first).get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // Another browser of the same user has a session of its own.
    const other = await signIn(u.email);
    expect(other.sessionCookie).not.toBe(second);
    expect((await other.get('/api/auth/me')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('answers 401 with one message to a wrong password and to an unknown email, and sets no cookie', async () => {
    const u = await makeUser();
    const wrong = await t.client().post('/api/auth/login', { email: u.email, password: 'not the password at all' });
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody@test.local', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    // Same words either way: the answer does not tell which emails have accounts.
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('answers 429 after repeated failures, even to the right password, for that account only', async () => {
    const u = await makeUser();
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.client().post('/api/auth/login', { email: u.email, password: `wrong password ${i}` })).status,
      ).toBe(401);
    }
    const throttled = await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(throttled.headers.get('set-cookie')).toBeNull();
    // Someone else on the same machine is not locked out by it.
    const other = await makeUser();
    expect((await t.client().post('/api/auth/login', { email: other.email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a disabled user and ends the session they already had', async () => {
    const u = await makeUser();
    const c = await signIn(u.email);
    const disabled = await t.admin.patch(`/api/users/${u.id}`, { disabled: true }, u.version);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/backlog-items')).status).toBe(401);
    const again = await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_CREDENTIALS');

    const enabled = await t.admin.patch(`/api/users/${u.id}`, { disabled: false }, disabled.body.version);
    expect(enabled.status).toBe(200);
    expect((await (await signIn(u.email)).get('/api/auth/me')).status).toBe(200);
  });

  it('ends every session of a user whose role changes, while a rename keeps them', async () => {
    const u = await makeUser('editor');
    const laptop = await signIn(u.email);
    const phone = await signIn(u.email);
    const renamed = await t.admin.patch(`/api/users/${u.id}`, { name: 'Renamed' }, u.version);
    expect(renamed.status).toBe(200);
    expect((await laptop.get('/api/auth/me')).body.user.name).toBe('Renamed');
    expect((await phone.get('/api/auth/me')).status).toBe(200);

    const demoted = await t.admin.patch(`/api/users/${u.id}`, { role: 'viewer' }, renamed.body.version);
    expect(demoted.status).toBe(200);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    // Signed in again, the user has the new role and its limits.
    const fresh = await signIn(u.email);
    expect((await fresh.get('/api/auth/me')).body.user.role).toBe('viewer');
    expect((await fresh.post('/api/backlog-items', { title: 'Not allowed' })).status).toBe(403);
  });

  it('keeps the session that changes its own password and ends the user’s other sessions', async () => {
    const u = await makeUser('admin');
    const here = await signIn(u.email);
    const elsewhere = await signIn(u.email);
    const newPassword = 'a brand new passphrase 2026';
    const changed = await here.patch(`/api/users/${u.id}`, { password: newPassword }, u.version);
    expect(changed.status).toBe(200);
    expect(JSON.stringify(changed.body)).not.toMatch(/password|hash/i);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD })).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: u.email, password: newPassword })).status).toBe(200);
  });

  it('answers 401 to a made-up or over-long session cookie', async () => {
    expect((await replay('keyline_session=made-up-token').get('/api/auth/me')).status).toBe(401);
    expect((await replay(`keyline_session=${'x'.repeat(5000)}`).get('/api/auth/me')).status).toBe(401);
  });
});
