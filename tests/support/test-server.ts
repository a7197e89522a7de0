import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp, type Services } from '../../server/src/app';
import { SYSTEM_ACTOR } from '../../server/src/auth/actor';
import { SESSION_COOKIE } from '../../server/src/auth/cookies';
import { loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/schema';
import { ApiClient } from './api-client';
import { createTestDatabase, type TestDatabase } from './databases';

export const PASSWORD = 'correct horse battery staple';

export interface TestServer {
  baseUrl: string;
  db: Database;
  services: Services;
  testDb: TestDatabase;
  /** Signed-in clients, one per role. */
  admin: ApiClient;
  editor: ApiClient;
  viewer: ApiClient;
  anonymous: ApiClient;
  users: { admin: string; editor: string; viewer: string };
  client(): ApiClient;
  stop(): Promise<void>;
}

/**
 * The real Express app on a real port over a real, empty database, with one
 * user per role already signed in. Migrations run as at start-up.
 */
export async function startTestServer(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  /** A fixed port, for tests that register Keyline's URL elsewhere first (an OpenID provider). */
  options: { port?: number } = {},
): Promise<TestServer> {
  const testDb = await createTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDb.url,
    KEYLINE_SEED: 'none',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const db = await openDatabase(testDb.url, { schema: testDb.schema });
  await db.migrate();
  const logger = pino({ level: 'silent' });
  const { app, services } = createApp({ config, db, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const users = { admin: '', editor: '', viewer: '' };
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const created = await services.users.create(SYSTEM_ACTOR, {
      email: `${role}@test.local`,
      name: `Test ${role}`,
      role,
      password: PASSWORD,
    });
    users[role] = created.id;
  }
  const signedIn = async (role: 'admin' | 'editor' | 'viewer') => {
    const c = new ApiClient(baseUrl);
    if (config.PASSWORD_SIGN_IN === 'on' || (config.PASSWORD_SIGN_IN === 'admins' && role === 'admin')) {
      await c.login(`${role}@test.local`, PASSWORD);
    } else {
      // Password sign-in is off for this role: a session as single sign-on would open it.
      c.useSessionCookie(`${SESSION_COOKIE}=${await services.sessions.create(users[role], 'test')}`);
    }
    return c;
  };
  return {
    baseUrl,
    db,
    services,
    testDb,
    admin: await signedIn('admin'),
    editor: await signedIn('editor'),
    viewer: await signedIn('viewer'),
    anonymous: new ApiClient(baseUrl),
    users,
    client: () => new ApiClient(baseUrl),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await testDb.drop();
    },
  };
}
