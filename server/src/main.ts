import { resolve } from 'node:path';
import { pino } from 'pino';
import { createApp, startBackgroundWork } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './schema';
import { ensureAdmin, seedIfEmpty } from './seed/startup';
import { startServer } from './server';

/** `npm start`: configuration, database, migrations, seed, then listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const db = await openDatabase(config.DATABASE_URL);
  await db.migrate();
  const { app, state, services } = createApp({ config, db, logger });
  const signIn = await seedIfEmpty(db, config, logger);
  await ensureAdmin(db, config, logger);
  const background = config.BACKGROUND_JOBS === 'on' ? startBackgroundWork(services) : undefined;
  const server = await startServer(app, config, logger, db, state, () => background?.stop());
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  logger.info({ url, database: db.kind }, 'Keyline is running');
  // Printed plainly (not as JSON) so a newcomer sees how to sign in.
  process.stdout.write(`\nKeyline is running at ${url} (database: ${db.kind})\n`);
  if (signIn) process.stdout.write(`Sign in as ${signIn.email} with the password ${signIn.password}\n\n`);
  if (config.CLIENT_DIST) process.stdout.write(`Serving the client from ${resolve(config.CLIENT_DIST)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Keyline failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
