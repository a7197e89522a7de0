import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { LoginAttemptEntity } from '../../server/src/auth/login-attempt.entity';
import { loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/schema';
import { reportFigures } from '../reliability/support/mode';
import { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * Counting the failures, checking the password and
 * recording the attempt were three steps: 200 parallel wrong passwords on
 * one account with LOGIN_MAX_FAILURES=10 were all checked. The attempt is
 * now recorded, atomically with the count, before the hash is checked; on
 * PostgreSQL that holds across app servers.
 */
const MAX_FAILURES = 10;
const PARALLEL = 200;
const env = { LOGIN_MAX_FAILURES: String(MAX_FAILURES) };

describeEachDatabase('racing sign-ins', (kind) => {
  let t: TestServer;
  /** On PostgreSQL, a second app server on the same database. */
  let second: { baseUrl: string; db: Database; stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    t = await startTestServer(kind, env);
    if (kind === 'postgres') second = await startSecondServer(t);
  });
  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  async function race(email: string, baseUrls: string[]): Promise<number[]> {
    const tries = Array.from({ length: PARALLEL }, (_, i) =>
      new ApiClient(baseUrls[i % baseUrls.length]!).post('/api/auth/login', {
        email,
        password: `wrong password number ${i}`,
      }),
    );
    return (await Promise.all(tries)).map((r) => r.status);
  }

  async function judge(email: string, statuses: number[], label: string): Promise<void> {
    const checked = statuses.filter((s) => s === 401).length;
    const rows = await t.db.read((m) => m.countBy(LoginAttemptEntity, { email, succeeded: false }));
    reportFigures(`sign-in-race-${kind}-${label}`, {
      'parallel wrong passwords': PARALLEL,
      LOGIN_MAX_FAILURES: MAX_FAILURES,
      'checked (401)': checked,
      'refused unchecked (429)': statuses.filter((s) => s === 429).length,
      'failed login_attempts rows': rows,
    });
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES);
    expect(checked).toBeGreaterThan(0);
    expect(rows).toBe(checked);
    // The right password now meets the limit too.
    expect((await t.client().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(429);
  }

  it(`checks at most ${MAX_FAILURES} of ${PARALLEL} parallel wrong passwords on one account`, async () => {
    await judge('editor@test.local', await race('editor@test.local', [t.baseUrl]), 'one-server');
  });

  it.runIf(kind === 'postgres')('holds the limit across two app servers on one database', async () => {
    await judge('viewer@test.local', await race('viewer@test.local', [t.baseUrl, second!.baseUrl]), 'two-servers');
  });
});

async function startSecondServer(t: TestServer) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: t.testDb.url,
    KEYLINE_SEED: 'none',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const db = await openDatabase(t.testDb.url, { schema: t.testDb.schema });
  const { app } = createApp({ config, db, logger: pino({ level: 'silent' }) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
