import type { Router } from 'express';
import type { Database } from '../../db/database';

/** /healthz: the process answers. /readyz: the database answers, migrations are applied, and we are not draining. */
export function mountHealth(router: Router, db: Database, isShuttingDown: () => boolean): void {
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await db.read((m) => m.query('SELECT 1'));
      const pending = await db.pendingMigrations();
      if (pending) {
        res.status(503).json({ status: 'migrations-pending' });
        return;
      }
      res.json({ status: 'ready', database: db.kind });
    } catch {
      res.status(503).json({ status: 'database-unavailable' });
    }
  });
}
