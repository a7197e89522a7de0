import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';

/**
 * Listens, and on SIGTERM/SIGINT drains: /readyz turns 503 so a balancer
 * stops sending, new connections are refused, requests in flight finish
 * (up to SHUTDOWN_GRACE_MS), then the database closes and the process exits.
 */
export function startServer(app: Express, config: Config, logger: Logger, db: Database, state: { shuttingDown: boolean }): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = app.listen(config.PORT, config.HOST, (error?: Error) => {
      if (error) reject(error);
      else resolveServer(server);
    });
    server.keepAliveTimeout = 5_000;
    const shutdown = (signal: string) => {
      if (state.shuttingDown) return;
      state.shuttingDown = true;
      logger.info({ signal }, 'draining');
      const force = setTimeout(() => {
        logger.warn('grace period over; closing remaining connections');
        server.closeAllConnections();
      }, config.SHUTDOWN_GRACE_MS);
      force.unref();
      server.close(() => {
        void db.close().finally(() => {
          logger.info('stopped');
          process.exit(0);
        });
      });
      server.closeIdleConnections();
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });
}
