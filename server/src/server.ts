import type { Server } from 'node:http';
import net from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';

/**
 * Listens, and on SIGTERM/SIGINT drains: /readyz turns 503 so a balancer
 * stops sending, the port stays open for SHUTDOWN_DRAIN_MS (every answer
 * closing its connection), then new connections are refused, requests in
 * flight finish (within SHUTDOWN_GRACE_MS of the signal), the database
 * closes and the process exits 0.
 */
export function startServer(
  app: Express,
  config: Config,
  logger: Logger,
  db: Database,
  state: { shuttingDown: boolean },
  /** Stops background work (scheduled jobs, the outbox sender) before the database closes. */
  beforeClose: () => Promise<void> | undefined = () => undefined,
): Promise<Server> {
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
      // Every answer from now on closes its connection. The port stays open for the drain
      // period: closing it resets connections the kernel accepted but Node has not yet
      // taken in (a busy event loop), dropping requests a client had already sent.
      // Then stop listening, but not through http's close(): that also destroys "idle"
      // sockets, which include fresh ones whose request is not yet parsed. Sockets kept
      // alive close at keepAliveTimeout.
      setTimeout(() => {
        net.Server.prototype.close.call(server, () => {
          void Promise.resolve(beforeClose())
            .catch((error: unknown) => logger.error({ err: error }, 'stopping background work failed'))
            .then(() => db.close())
            .finally(() => {
              logger.info('stopped');
              process.exit(0);
            });
        });
      }, config.SHUTDOWN_DRAIN_MS);
    };
    server.prependListener('request', (_req, res) => {
      if (state.shuttingDown) res.setHeader('Connection', 'close');
    });
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });
}
