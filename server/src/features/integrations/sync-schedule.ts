import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { RunMode, RunTrigger } from '@keyline/shared';
import type { Database } from '../../db/database';
import type { Scheduler } from '../../jobs/scheduler';
import { ConnectionEntity } from './connection.entity';
import { ConnectionSecretEntity } from './connection-secret.entity';
import type { SyncEngine } from './sync-engine';
import { SyncRunEntity } from './sync-run.entity';

/** One job looks, every minute, for connections whose run is due; each connection keeps its own interval. */
export const TRACKER_SYNC_JOB = 'tracker-sync';
const EVERY_MINUTE = '* * * * *';
/** The nightly full pass (archives what no longer matches): 02:00 UTC. */
export const NIGHTLY_FULL_PASS = '0 2 * * *';

export interface DueRun {
  connectionId: string;
  trigger: RunTrigger;
  mode?: RunMode;
}

export interface ConnectionTiming {
  id: string;
  state: ConnectionEntity['state'];
  hasToken: boolean;
  interrupted: boolean;
  syncIntervalMinutes: number;
  lastRunAt: string | null;
  lastFullSyncAt: string | null;
}

/**
 * What the scheduler starts now, per connection: nothing while paused or
 * without a token; an interrupted run is resumed; a full pass if none ran
 * since the last nightly slot; else an incremental run once its interval
 * has passed since the last run started. Pure, so the rule is unit-tested.
 */
export function decideRun(c: ConnectionTiming, now: Date, lastNightly: Date | null): DueRun | null {
  if (c.state !== 'active' || !c.hasToken) return null;
  if (c.interrupted) return { connectionId: c.id, trigger: 'schedule' };
  if (c.lastFullSyncAt && lastNightly && c.lastFullSyncAt < lastNightly.toISOString()) {
    return { connectionId: c.id, trigger: 'nightly', mode: 'full' };
  }
  const next = c.lastRunAt ? Date.parse(c.lastRunAt) + c.syncIntervalMinutes * 60_000 : 0;
  return now.getTime() >= next ? { connectionId: c.id, trigger: 'schedule' } : null;
}

export async function dueRuns(db: Database, now: Date): Promise<DueRun[]> {
  const lastNightly = new Cron(NIGHTLY_FULL_PASS, { timezone: 'UTC', paused: true }).previousRuns(1, now)[0] ?? null;
  const { connections, secrets, running } = await db.read(async (m) => ({
    connections: await m.find(ConnectionEntity),
    secrets: new Set(
      (await m.find(ConnectionSecretEntity, { select: { connectionId: true } })).map((s) => s.connectionId),
    ),
    running: new Set(
      (await m.find(SyncRunEntity, { where: { state: 'running' }, select: { connectionId: true } })).map(
        (r) => r.connectionId,
      ),
    ),
  }));
  return connections.flatMap((c) => {
    const due = decideRun(
      {
        id: c.id,
        state: c.state,
        hasToken: secrets.has(c.id),
        interrupted: running.has(c.id),
        syncIntervalMinutes: c.syncIntervalMinutes,
        lastRunAt: c.lastRunAt,
        lastFullSyncAt: c.lastFullSyncAt,
      },
      now,
      lastNightly,
    );
    return due ? [due] : [];
  });
}

/**
 * Registers the tracker sync with the shared scheduler (server/src/jobs):
 * one server a minute checks what is due and starts those runs; each run
 * still takes its connection's own lease, so a run that outlives the minute
 * (or a "sync now") never overlaps another.
 */
export function registerTrackerSync(scheduler: Scheduler, engine: SyncEngine, db: Database, logger: Logger): void {
  scheduler.register({
    name: TRACKER_SYNC_JOB,
    schedule: EVERY_MINUTE,
    leaseMs: 60_000,
    run: async ({ slot, signal }) => {
      for (const due of await dueRuns(db, slot)) {
        if (signal.aborted) return;
        try {
          await engine.start(due.connectionId, due.trigger, due.mode);
        } catch (err) {
          logger.error({ err, connectionId: due.connectionId }, 'could not start a scheduled tracker sync');
        }
      }
    },
  });
}
