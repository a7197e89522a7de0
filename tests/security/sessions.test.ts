import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SessionEntity } from '../../server/src/auth/session.entity';
import { dumpDatabaseText } from '../reliability/support/db-state';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const IDLE_MINUTES = 5;
const ABSOLUTE_HOURS = 2;
const MINUTE = 60_000;

/**
 * Session lifetimes without waiting for them: the server runs with short
 * timeouts and the test moves a session's timestamps back in the database,
 * which is what the passing of time looks like to the server.
 */
describeEachDatabase('sessions: ids, sign-out, idle and absolute timeouts, rights changes', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, {
      SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
      SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS),
    });
  });
  afterAll(() => t.stop());

  const tokenOf = (c: ApiClient) => decodeURIComponent(c.sessionCookie.slice('keyline_session='.length));
  const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
  const rowOf = (c: ApiClient) => t.db.read((m) => m.findOneBy(SessionEntity, { tokenHash: hashOf(tokenOf(c)) }));
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const setRow = (c: ApiClient, values: Partial<SessionEntity>) =>
    t.db.write((m) => m.update(SessionEntity, { tokenHash: hashOf(tokenOf(c)) }, values));

  async function newUser(role: 'admin' | 'editor' | 'viewer' = 'editor') {
    const email = `s-${randomUUID().slice(0, 8)}@test.local`;
    const res = await t.admin.post('/api/users', { email, name: 'Session user', role, password: PASSWORD });
    expect(res.status).toBe(201);
    return { ...res.body, email } as { id: string; version: number; email: string };
  }
  async function signIn(email: string): Promise<ApiClient> {
    const c = t.client();
    await c.login(email, PASSWORD);
    return c;
  }
  const me = async (c: ApiClient) => (await c.get('/api/auth/me')).status;

  it('stores only a hash of a fresh random token per sign-in, and sets the cookie to die with the absolute timeout', async () => {
    const u = await newUser();
    const c = t.client();
    const login = await c.post('/api/auth/login', { email: u.email, password: PASSWORD });
    expect(login.headers.get('set-cookie')).toMatch(new RegExp(`Max-Age=${ABSOLUTE_HOURS * 3600}\\b`));
    const token = tokenOf(c);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const row = await rowOf(c);
    expect(row).not.toBeNull();
    expect(Date.parse(row!.expiresAt) - Date.parse(row!.createdAt)).toBe(ABSOLUTE_HOURS * 3_600_000);
    expect(await dumpDatabaseText(t.db)).not.toContain(token);

    // Signing in again from the same browser replaces the session: new id, old row gone.
    await c.login(u.email, PASSWORD);
    expect(tokenOf(c)).not.toBe(token);
    expect(await t.db.read((m) => m.findOneBy(SessionEntity, { tokenHash: hashOf(token) }))).toBeNull();
    // A cookie set before sign-in (fixation) is never adopted: the server issues its own.
    const planted = t.client().useSessionCookie('keyline_session=attacker-chosen-value-000000000000000000000');
    await planted.login(u.email, PASSWORD);
    expect(planted.sessionCookie).not.toContain('attacker-chosen');
  });

  it('deletes the session row at sign-out, so the cookie is dead everywhere', async () => {
    const u = await newUser();
    const c = await signIn(u.email);
    const cookie = c.sessionCookie;
    expect(await rowOf(c)).not.toBeNull();
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(
      await t.db.read((m) =>
        m.findOneBy(SessionEntity, { tokenHash: hashOf(decodeURIComponent(cookie.split('=')[1]!)) }),
      ),
    ).toBeNull();
    expect(await me(t.client().useSessionCookie(cookie))).toBe(401);
  });

  it(`ends a session idle for more than ${IDLE_MINUTES} minutes, and keeps one that is used within that time`, async () => {
    const u = await newUser();
    const idle = await signIn(u.email);
    await setRow(idle, { lastSeenAt: ago((IDLE_MINUTES + 1) * MINUTE) });
    expect(await me(idle)).toBe(401);
    expect(await rowOf(idle)).toBeNull(); // removed, not just refused

    // Used every 4 minutes for 8 minutes: longer than the idle limit in all, never idle that long.
    const active = await signIn(u.email);
    for (let step = 0; step < 2; step++) {
      await setRow(active, { lastSeenAt: ago((IDLE_MINUTES - 1) * MINUTE) });
      expect(await me(active)).toBe(200);
      expect(Date.now() - Date.parse((await rowOf(active))!.lastSeenAt)).toBeLessThan(MINUTE);
    }
    expect(await me(active)).toBe(200);
  });

  it(`ends a session ${ABSOLUTE_HOURS} hours after sign-in however active it is, and activity never extends that`, async () => {
    const u = await newUser();
    const c = await signIn(u.email);
    const { expiresAt } = (await rowOf(c))!;
    await setRow(c, { lastSeenAt: ago(2 * MINUTE) });
    expect(await me(c)).toBe(200); // touched: lastSeenAt moves…
    expect((await rowOf(c))!.expiresAt).toBe(expiresAt); // …the absolute end does not
    await setRow(c, {
      createdAt: ago(ABSOLUTE_HOURS * 3_600_000 + MINUTE),
      expiresAt: ago(1000),
      lastSeenAt: ago(1000),
    });
    expect(await me(c)).toBe(401);
    expect(await rowOf(c)).toBeNull();
  });

  it('refuses and removes a session that survived for a user who is now disabled', async () => {
    const u = await newUser();
    const before = await signIn(u.email);
    const disabled = await t.admin.patch(`/api/users/${u.id}`, { disabled: true }, u.version);
    expect(disabled.status).toBe(200);
    expect(await me(before)).toBe(401);
    // A session row written for the user anyway (say, by a server that had not yet seen the change).
    const token = `survivor-${randomUUID()}`;
    const now = new Date().toISOString();
    await t.db.write((m) =>
      m.insert(SessionEntity, {
        tokenHash: hashOf(token),
        userId: u.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        userAgent: null,
      }),
    );
    expect(await me(t.client().useSessionCookie(`keyline_session=${token}`))).toBe(401);
    expect(await t.db.read((m) => m.countBy(SessionEntity, { userId: u.id }))).toBe(0);
  });

  it('ends every other session when an admin changes a user’s role or password, and the sessions table says so', async () => {
    const u = await newUser('editor');
    await signIn(u.email);
    await signIn(u.email);
    expect(await t.db.read((m) => m.countBy(SessionEntity, { userId: u.id }))).toBe(2);
    const demoted = await t.admin.patch(`/api/users/${u.id}`, { role: 'viewer' }, u.version);
    expect(demoted.status).toBe(200);
    expect(await t.db.read((m) => m.countBy(SessionEntity, { userId: u.id }))).toBe(0);
    const fresh = await signIn(u.email);
    expect((await fresh.get('/api/auth/me')).body.user.role).toBe('viewer');
    const changed = await t.admin.patch(
      `/api/users/${u.id}`,
      { password: 'another long passphrase' },
      demoted.body.version,
    );
    expect(changed.status).toBe(200);
    expect(await me(fresh)).toBe(401);
    expect(await t.db.read((m) => m.countBy(SessionEntity, { userId: u.id }))).toBe(0);
  });

  it('lets an API token act with its owner’s current role at most: a demoted owner’s write token can no longer write', async () => {
    const u = await newUser('editor');
    const session = await signIn(u.email);
    const token = (await session.post('/api/api-tokens', { name: 'Sync', scope: 'write' })).body.token as string;
    const script = t.client();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await script.post('/api/backlog-items', { title: 'While an editor' }, bearer)).status).toBe(201);
    const demoted = await t.admin.patch(`/api/users/${u.id}`, { role: 'viewer' }, u.version);
    expect(demoted.status).toBe(200);
    expect((await script.post('/api/backlog-items', { title: 'After demotion' }, bearer)).status).toBe(403);
    expect((await script.get('/api/backlog-items?limit=1', bearer)).status).toBe(200);
    // And an editor's token never reaches admin routes.
    const promoted = await t.admin.patch(`/api/users/${u.id}`, { role: 'editor' }, demoted.body.version);
    expect(promoted.status).toBe(200);
    expect((await script.post('/api/backlog-items', { title: 'Editor again' }, bearer)).status).toBe(201);
    expect((await script.get('/api/users', bearer)).status).toBe(403);
  });
});

describeEachDatabase('sessions with a one-minute idle timeout', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, { SESSION_IDLE_MINUTES: '1' });
  });
  afterAll(() => t.stop());

  it('keeps a session alive that is used every 40 seconds', async () => {
    const c = t.client();
    await c.login('editor@test.local', PASSWORD);
    const tokenHash = createHash('sha256')
      .update(decodeURIComponent(c.sessionCookie.split('=')[1]!))
      .digest('hex');
    // Let 40 s pass (every timestamp of the session moves back), use it, again: 80 s since
    // sign-in, more than the limit in all, but never idle that long.
    const passes = async (ms: number) => {
      const row = await t.db.read((m) => m.findOneByOrFail(SessionEntity, { tokenHash }));
      const back = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
      await t.db.write((m) =>
        m.update(
          SessionEntity,
          { tokenHash },
          { createdAt: back(row.createdAt), lastSeenAt: back(row.lastSeenAt), expiresAt: back(row.expiresAt) },
        ),
      );
    };
    const uses: number[] = [];
    for (let step = 0; step < 2; step++) {
      await passes(40_000);
      uses.push((await c.get('/api/auth/me')).status);
    }
    expect(uses).toEqual([200, 200]);
  });
});
