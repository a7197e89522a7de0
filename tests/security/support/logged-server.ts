import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp, type Services } from '../../../server/src/app';
import { SYSTEM_ACTOR } from '../../../server/src/auth/actor';
import { loadConfig } from '../../../server/src/config';
import type { Database } from '../../../server/src/db/database';
import { openDatabase } from '../../../server/src/schema';
import { ApiClient } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/databases';
import { PASSWORD } from '../../support/test-server';

export interface LoggedServer {
  baseUrl: string;
  db: Database;
  testDb: TestDatabase;
  services: Services;
  admin: ApiClient;
  /** Every log line the server wrote so far, as the JSON text pino produced. */
  logText(): string;
  logLines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Like startTestServer, but the server logs at `info` into memory, so a test
 * can read what the server wrote down (and what it must never write down).
 * One admin is signed in; make other users through the API.
 */
export async function startLoggedServer(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
): Promise<LoggedServer> {
  const testDb = await createTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDb.url,
    KEYLINE_SEED: 'none',
    LOG_LEVEL: 'info',
    ...env,
  });
  const db = await openDatabase(testDb.url, { schema: testDb.schema });
  await db.migrate();
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const { app, services } = createApp({ config, db, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await services.users.create(SYSTEM_ACTOR, {
    email: 'admin@test.local',
    name: 'Test admin',
    role: 'admin',
    password: PASSWORD,
  });
  const admin = new ApiClient(baseUrl);
  await admin.login('admin@test.local', PASSWORD);
  const logText = () => chunks.join('');
  return {
    baseUrl,
    db,
    testDb,
    services,
    admin,
    logText,
    logLines: () =>
      logText()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await testDb.drop();
    },
  };
}
