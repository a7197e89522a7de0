import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LoginAttemptEntity } from '../../server/src/auth/login-attempt.entity';
import { UserEntity } from '../../server/src/features/users/user.entity';
import { captureDatabaseState, changedTables, dumpDatabaseText } from '../reliability/support/db-state';
import { reportFigures } from '../reliability/support/mode';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { startLoggedServer, type LoggedServer } from './support/logged-server';

/** Per account; the server allows five times as many per IP. */
const MAX_FAILURES = 2;
const PER_IP = MAX_FAILURES * 5;

describeEachDatabase('sign-in: passwords, throttling and the attempt log', (kind) => {
  let s: LoggedServer;
  /** Every password string this suite sent, right or wrong: none may be stored or logged. */
  const passwordsSent = new Set<string>();

  beforeAll(async () => {
    // TRUST_PROXY lets the test speak from several client IPs through X-Forwarded-For, as a proxy would.
    s = await startLoggedServer(kind, { LOGIN_MAX_FAILURES: String(MAX_FAILURES), TRUST_PROXY: '1' });
  });
  afterAll(() => s.stop());

  const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@test.local`;

  async function invite(password: string, email = uniqueEmail('u')): Promise<ApiResponse> {
    passwordsSent.add(password);
    return s.admin.post('/api/users', { email, name: 'Someone', role: 'editor', password });
  }

  function signIn(email: string, password: string, ip: string): Promise<ApiResponse> {
    passwordsSent.add(password);
    return new ApiClient(s.baseUrl).post('/api/auth/login', { email, password }, { 'x-forwarded-for': ip });
  }

  it('accepts any password of 12 to 128 characters, with no composition rules, exactly as typed', async () => {
    const accepted = [
      'plum orchard', // 12, lower-case letters and a space
      '839201746582', // 12 digits, not a common sequence
      '🔑'.repeat(12), // length counts characters, not UTF-16 units
      '🔑'.repeat(128),
      'Ünïcødé pässwörd ✓',
      'long passphrase '.repeat(8), // 128, ending in a space
      '  spaces kept  ',
    ];
    expect(accepted[5]).toHaveLength(128);
    for (const password of accepted) {
      const email = uniqueEmail('ok');
      const res = await invite(password, email);
      expect(res.status, `${password}: ${JSON.stringify(res.body)}`).toBe(201);
      expect((await signIn(email, password, '10.1.0.1')).status, password).toBe(200);
    }
    // Not truncated, not trimmed, not case-folded: only the exact string signs in.
    const password = accepted[5]!;
    for (const near of [password.slice(0, 127), password.toUpperCase(), `L${password.slice(1)}`]) {
      // One account per near miss: a third failure on one account would rightly be throttled.
      const email = uniqueEmail('exact');
      await invite(password, email);
      expect((await signIn(email, near, '10.1.1.1')).status).toBe(401);
    }
    const spaced = uniqueEmail('spaced');
    await invite('  spaces kept  ', spaced);
    expect((await signIn(spaced, 'spaces kept', '10.1.2.1')).status).toBe(401);
  });

  it('refuses passwords under 12 or over 128 characters and the most common ones, naming the field, and stores nothing', async () => {
    const before = await captureDatabaseState(s.db);
    const refused: [string, string][] = [
      ['11 characters', 'elevenchars'],
      ['129 characters', 'x'.repeat(129)],
      ['11 emoji', '🔑'.repeat(11)],
      ['129 emoji', '🔑'.repeat(129)],
      ['empty', ''],
      ['common, any case', 'Password1234'],
      ['common digits', '123456789012'],
      ['common keyboard walk', 'QWERTY123456'],
      ['the product name', 'KEYLINE12345'],
    ];
    for (const [why, password] of refused) {
      const res = await invite(password);
      expectCleanError(res, 400, 'VALIDATION_FAILED');
      expect(
        res.body.error.issues.map((i: any) => i.path[0]),
        why,
      ).toContain('password');
    }
    const common = await invite('iloveyou1234');
    expect(common.body.error.message).toMatch(/too common/);
    // A password change follows the same rules and leaves the old password working.
    const email = uniqueEmail('change');
    const user = (await invite('the first good passphrase', email)).body;
    const mid = await captureDatabaseState(s.db);
    for (const password of ['too short', 'letmein12345', 'y'.repeat(129)]) {
      passwordsSent.add(password);
      expectCleanError(
        await s.admin.patch(`/api/users/${user.id}`, { password }, user.version),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect(changedTables(mid, await captureDatabaseState(s.db))).toEqual([]);
    expect((await signIn(email, 'the first good passphrase', '10.2.0.1')).status).toBe(200);
    // Apart from the one good invitation (a user and its audit row), nothing was written.
    expect(
      changedTables(before, mid)
        .map((c) => c.split(' ')[0])
        .sort(),
    ).toEqual(['audit_events', 'users']);
  });

  it('stores Argon2id hashes (OWASP parameters), never the password', async () => {
    const email = uniqueEmail('hash');
    const password = `hash check ${randomUUID()}`;
    await invite(password, email);
    const row = await s.db.read((m) => m.findOneByOrFail(UserEntity, { email }));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it('answers 429 to an account that failed too often, whichever IP the failures and the next try come from', async () => {
    const email = uniqueEmail('acct');
    await invite('account under attack', email);
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await signIn(email, `wrong guess ${i} ${randomUUID()}`, `10.3.0.${i + 1}`)).status).toBe(401);
    const throttled = await signIn(email, 'account under attack', '10.3.9.9');
    expectCleanError(throttled, 429, 'TOO_MANY_REQUESTS');
    expect(throttled.headers.get('set-cookie')).toBeNull();
    // Another account from that same IP is not affected.
    const other = uniqueEmail('other');
    await invite('a bystander passphrase', other);
    expect((await signIn(other, 'a bystander passphrase', '10.3.9.9')).status).toBe(200);
    // Once the failures are older than the window, the account signs in again.
    await s.db.write((m) =>
      m.update(LoginAttemptEntity, { email }, { at: new Date(Date.now() - 16 * 60_000).toISOString() }),
    );
    expect((await signIn(email, 'account under attack', '10.3.9.9')).status).toBe(200);
  });

  it(`answers 429 to an IP after ${PER_IP} failures spread over many accounts, even for a right password, and to that IP only`, async () => {
    const ip = '10.4.4.4';
    for (let i = 0; i < PER_IP; i++) {
      expect((await signIn(uniqueEmail('spray'), `spray ${i} ${randomUUID()}`, ip)).status).toBe(401);
    }
    const email = uniqueEmail('victim');
    await invite('the right passphrase', email);
    expectCleanError(await signIn(email, 'the right passphrase', ip), 429, 'TOO_MANY_REQUESTS');
    expect((await signIn(email, 'the right passphrase', '10.4.4.5')).status).toBe(200);
  });

  it('logs every attempt, with email, IP and outcome in login_attempts and the log, and never the password anywhere', async () => {
    const email = uniqueEmail('log');
    await invite('logged passphrase ok', email);
    const ip = '10.5.5.5';
    const wrong = `wrong-${randomUUID()}`;
    const tries = [
      await signIn(email, wrong, ip),
      await signIn(email, 'logged passphrase ok', ip),
      await signIn(email, `${wrong}-2`, ip),
      // Throttled: two failures in the window (a success in between does not wipe them).
      await signIn(email, 'logged passphrase ok', ip),
    ];
    expect(tries.map((r) => r.status)).toEqual([401, 200, 401, 429]);
    const rows = await s.db.read((m) => m.find(LoginAttemptEntity, { where: { email }, order: { at: 'ASC' } }));
    expect(rows.map((r) => [r.ip, r.succeeded])).toEqual([
      [ip, false],
      [ip, true],
      [ip, false],
    ]);
    const lines = s.logLines().filter((l) => l.email === email);
    expect(lines.filter((l) => l.event === 'login').map((l) => l.succeeded)).toEqual([false, true, false]);
    expect(lines.filter((l) => l.event === 'login-throttled')).toHaveLength(1);
    expect(lines.every((l) => l.ip === ip)).toBe(true);

    // Nothing anywhere holds a password: not the log, not any table, not the SQLite file and its WAL.
    const places: [string, string][] = [
      ['log', s.logText()],
      ['tables', await dumpDatabaseText(s.db)],
    ];
    if (kind === 'sqlite') {
      const file = s.testDb.url.slice('sqlite:'.length);
      for (const f of [file, `${file}-wal`]) if (existsSync(f)) places.push([f, readFileSync(f).toString('latin1')]);
    }
    const found: string[] = [];
    for (const password of passwordsSent) {
      if (password.length < 6) continue; // too short to be told apart from ordinary text
      const latin1 = Buffer.from(password, 'utf8').toString('latin1');
      for (const [where, text] of places) {
        if (text.includes(password) || text.includes(latin1)) found.push(`${JSON.stringify(password)} in ${where}`);
      }
    }
    reportFigures(`sign-in-${kind}`, {
      'passwords sent': passwordsSent.size,
      'login_attempts rows': await s.db.read((m) => m.count(LoginAttemptEntity)),
      'log lines': s.logLines().length,
      'places searched': places.length,
      'passwords found stored or logged': found.length,
    });
    expect(found).toEqual([]);
  });
});
