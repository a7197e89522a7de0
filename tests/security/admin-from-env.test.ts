import { afterAll, beforeAll, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../../server/src/config';
import { ensureAdmin } from '../../server/src/seed/startup';
import { describeEachDatabase } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

const EMAIL = 'ops-admin@test.local';
const FIRST = 'operator chosen passphrase one';
const SECOND = 'operator chosen passphrase two';

/**
 * KEYLINE_ADMIN_EMAIL/KEYLINE_ADMIN_PASSWORD at start-up: create the admin,
 * or set its password only when it differs; audited and logged; checked
 * like any password; never re-enabling or re-promoting an account another
 * admin disabled or demoted.
 */
describeEachDatabase('the admin from KEYLINE_ADMIN_PASSWORD', (kind) => {
  let t: TestServer;
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const start = (password: string) =>
    ensureAdmin(
      t.db,
      loadConfig({ NODE_ENV: 'test', KEYLINE_ADMIN_EMAIL: EMAIL, KEYLINE_ADMIN_PASSWORD: password }),
      log,
    );
  const trail = async () => {
    const body = (await t.admin.get('/api/audit-events?entity=user&limit=500')).body;
    return ((body.items ?? body) as { after: Record<string, unknown> | null }[]).filter(
      (e) => e.after?.email === EMAIL && e.after?.passwordChange === 'set from KEYLINE_ADMIN_PASSWORD',
    );
  };
  const logged = () => lines.filter((l) => l.includes('admin password set from KEYLINE_ADMIN_PASSWORD')).length;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('creates the admin once, audited and logged; a restart with the same password changes nothing', async () => {
    expect(await start(FIRST)).toBe('created');
    expect(await trail()).toHaveLength(1);
    expect(logged()).toBe(1);
    const session = t.client();
    await session.login(EMAIL, FIRST);
    const token = (await session.post('/api/api-tokens', { name: 'Ops', scope: 'read' })).body.token as string;

    expect(await start(FIRST)).toBe('unchanged');
    expect((await session.get('/api/auth/me')).status).toBe(200); // no session ended by a restart
    expect((await t.client().get('/api/teams', { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await trail()).toHaveLength(1);
    expect(logged()).toBe(1);

    // A different password is set, ends the sessions and tokens, and says so.
    expect(await start(SECOND)).toBe('password-set');
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await t.client().get('/api/teams', { authorization: `Bearer ${token}` })).status).toBe(401);
    await t.client().login(EMAIL, SECOND);
    expect(await trail()).toHaveLength(2);
    expect(logged()).toBe(2);
  });

  it('never re-enables a disabled admin nor re-promotes a demoted one, even with a new password', async () => {
    const users = (await t.admin.get('/api/users')).body as { id: string; email: string; version: number }[];
    const ops = users.find((u) => u.email === EMAIL)!;
    const demoted = await t.admin.patch(`/api/users/${ops.id}`, { role: 'editor' }, ops.version);
    expect(demoted.status).toBe(200);
    expect(await start(FIRST)).toBe('refused');
    const afterDemotion = (await t.admin.get(`/api/users/${ops.id}`)).body;
    expect(afterDemotion.role).toBe('editor');
    expect((await t.client().post('/api/auth/login', { email: EMAIL, password: FIRST })).status).toBe(401);

    const disabled = await t.admin.patch(
      `/api/users/${ops.id}`,
      { role: 'admin', disabled: true },
      afterDemotion.version,
    );
    expect(disabled.status).toBe(200);
    expect(await start(FIRST)).toBe('refused');
    const now = (await t.admin.get(`/api/users/${ops.id}`)).body;
    expect(now.disabled).toBe(true);
    expect(now.version).toBe(disabled.body.version);
    expect(lines.some((l) => l.includes('left unchanged'))).toBe(true);
  });

  it('refuses a common password at start-up, like any password', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'test', KEYLINE_ADMIN_EMAIL: EMAIL, KEYLINE_ADMIN_PASSWORD: 'password1234' }),
    ).toThrow(ConfigError);
  });
});
