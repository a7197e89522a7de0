import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { IsNull, LessThan, type EntityManager } from 'typeorm';
import type { MappedIssue, RunMode, RunTrigger } from '@keyline/shared';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import type { LiveScores } from '../scoring/live-scores';
import { ConnectionEntity } from './connection.entity';
import { ConnectionSecretEntity } from './connection-secret.entity';
import { syncActor } from './owned-fields';
import type { SecretBox } from './secret-box';
import { SyncRunEntity } from './sync-run.entity';
import { SyncedItemEntity } from './synced-item.entity';
import { addError, applyIssues, archiveItems, ConcurrentEditError, mergeErrors, type ApplyCounts } from './sync-writer';
import { DEFAULT_RETRY, TrackerError, TrackerHttp, type RetryPolicy } from './tracker-http';
import { trackerFor, type Tracker, type TrackerPage } from './trackers';
import { writeBackLabels } from './write-back';

export interface SyncOptions {
  /** Issues per page (Jira and GitHub both allow 100). */
  pageSize: number;
  /** A run holds its connection this long between renewals; a crashed server's run is resumed after it. */
  leaseMs: number;
  retry: RetryPolicy;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { pageSize: 100, leaseMs: 60_000, retry: DEFAULT_RETRY };

/** The lease was taken by another server (this one stalled past it): stop without writing. */
class LeaseLostError extends Error {}

/**
 * Runs connections: at most one run per connection across every app server
 * on one database (a lease on the connection row, taken with a conditional
 * UPDATE and renewed while the run lives), each page fetched and committed
 * in one transaction with the run's counters and resume point, so a run cut
 * short by a crash or restart resumes from its last committed page.
 */
export class SyncEngine {
  readonly owner = `${hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  options: SyncOptions = { ...DEFAULT_SYNC_OPTIONS };
  private readonly running = new Map<string, Promise<void>>();
  /** Connections this server is taking a run of right now (between the check and `running`). */
  private readonly starting = new Set<string>();
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly scores: LiveScores,
    private readonly logger: Logger,
  ) {}

  http(label: string): TrackerHttp {
    return new TrackerHttp(label, this.options.retry);
  }

  /** The connection's tracker client, or null when there is no usable token. */
  async trackerOf(connection: ConnectionEntity): Promise<Tracker | null> {
    const secret = await this.db.read((m) => m.findOneBy(ConnectionSecretEntity, { connectionId: connection.id }));
    const token = secret ? this.secrets.open(secret.token, connection.id) : null;
    if (!token) return null;
    return trackerFor(
      connection,
      token,
      this.http(connection.kind === 'jira' ? 'Jira' : 'GitHub'),
      async (timeZone) => {
        await this.db.write((m) => m.update(ConnectionEntity, { id: connection.id }, { timeZone }));
      },
    );
  }

  /**
   * Starts a run in the background unless one is going (here or on another
   * server). Answers the run: the new one, the one resumed, or the one in
   * progress (`started: false`).
   */
  async start(
    connectionId: string,
    trigger: RunTrigger,
    mode?: RunMode,
  ): Promise<{ run: SyncRunEntity | null; started: boolean }> {
    // The lease keeps other servers out, not this one (its owner may re-take it): two calls here
    // at once (a double click on "Sync now", the scheduler's tick) are kept apart in memory.
    if (this.running.has(connectionId) || this.starting.has(connectionId) || this.stopping) {
      return { run: await this.currentRun(connectionId), started: false };
    }
    this.starting.add(connectionId);
    try {
      return await this.begin(connectionId, trigger, mode);
    } finally {
      this.starting.delete(connectionId);
    }
  }

  private async begin(
    connectionId: string,
    trigger: RunTrigger,
    mode?: RunMode,
  ): Promise<{ run: SyncRunEntity | null; started: boolean }> {
    if (!(await this.claim(connectionId))) return { run: await this.currentRun(connectionId), started: false };
    let run: SyncRunEntity;
    let connection: ConnectionEntity;
    try {
      ({ run, connection } = await this.db.write(async (m) => {
        const conn = await m.findOneByOrFail(ConnectionEntity, { id: connectionId });
        // A run left 'running' by a crash or restart resumes from its last committed page.
        const interrupted = await m.findOne(SyncRunEntity, {
          where: { connectionId, state: 'running' },
          order: { startedAt: 'DESC' },
        });
        const now = nowIso();
        await m.update(ConnectionEntity, { id: connectionId }, { lastRunAt: now });
        if (interrupted) return { run: interrupted, connection: conn };
        const full = mode === 'full' || trigger === 'nightly' || conn.syncedUntil === null;
        const created: SyncRunEntity = {
          id: randomUUID(),
          connectionId,
          mode: full ? 'full' : 'incremental',
          trigger,
          state: 'running',
          startedAt: now,
          finishedAt: null,
          since: full ? null : conn.syncedUntil,
          pageToken: null,
          pages: 0,
          highWater: null,
          fetched: 0,
          created: 0,
          updated: 0,
          archived: 0,
          restored: 0,
          labelsWritten: 0,
          errors: [],
          errorCount: 0,
          message: null,
        };
        await m.insert(SyncRunEntity, created);
        return { run: created, connection: conn };
      }));
    } catch (error) {
      await this.release(connectionId);
      throw error;
    }
    const work = this.execute(connection, run).finally(() => this.running.delete(connectionId));
    this.running.set(connectionId, work);
    return { run, started: true };
  }

  /** Resolves when every run this process started has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Stops taking runs; runs in progress stop after their current page and resume elsewhere (or after restart). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private async currentRun(connectionId: string): Promise<SyncRunEntity | null> {
    return this.db.read((m) => m.findOne(SyncRunEntity, { where: { connectionId }, order: { startedAt: 'DESC' } }));
  }

  /** Takes the connection's lease if nobody holds a live one. Works the same on SQLite and PostgreSQL. */
  async claim(connectionId: string): Promise<boolean> {
    const now = new Date();
    const result = await this.db.write((m) =>
      m
        .createQueryBuilder()
        .update(ConnectionEntity)
        .set({ leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + this.options.leaseMs).toISOString() })
        .where('id = :id', { id: connectionId })
        .andWhere('("leaseOwner" IS NULL OR "leaseUntil" < :now OR "leaseOwner" = :owner)', {
          now: now.toISOString(),
          owner: this.owner,
        })
        .execute(),
    );
    return (result.affected ?? 0) === 1;
  }

  /** Renews the lease inside the caller's transaction; throws if another server holds it now. */
  private async renew(m: EntityManager, connectionId: string): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(ConnectionEntity)
      .set({ leaseUntil: new Date(Date.now() + this.options.leaseMs).toISOString() })
      .where('id = :id AND "leaseOwner" = :owner', { id: connectionId, owner: this.owner })
      .execute();
    if ((result.affected ?? 0) !== 1) throw new LeaseLostError('The lease on this connection was lost');
  }

  private async release(connectionId: string): Promise<void> {
    await this.db.write((m) =>
      m.update(ConnectionEntity, { id: connectionId, leaseOwner: this.owner }, { leaseOwner: null, leaseUntil: null }),
    );
  }

  private async execute(connection: ConnectionEntity, run: SyncRunEntity): Promise<void> {
    const heartbeat = setInterval(() => {
      void this.db.write((m) => this.renew(m, connection.id)).catch(() => undefined);
    }, this.options.leaseMs / 3);
    heartbeat.unref();
    const actor = syncActor(connection);
    try {
      const tracker = await this.trackerOf(connection);
      if (!tracker) {
        await this.finish(
          run,
          'failed',
          'No token is stored for this connection: paste the token again (Settings → Integrations)',
        );
        return;
      }
      while (!(run.pageToken === null && run.pages > 0)) {
        const page = await tracker.fetchPage({
          since: run.since,
          pageToken: run.pageToken,
          pageSize: this.options.pageSize,
        });
        run = await this.commitPage(connection, run, page, actor);
        if (this.stopping && run.pageToken !== null) return; // left 'running': the next claim resumes it from here
      }
      if (run.mode === 'full') run = await this.archiveUnseen(connection, run, actor);
      if (connection.writeBack) {
        const written = await writeBackLabels(this.db, this.scores, connection, tracker);
        run = await this.db.write(async (m) => {
          await this.renew(m, connection.id);
          const next = {
            labelsWritten: run.labelsWritten + written.labels,
            errors: mergeErrors(run.errors, written.errors),
            errorCount: run.errorCount + written.errors.length,
          };
          await m.update(SyncRunEntity, { id: run.id }, next);
          return { ...run, ...next };
        });
      }
      await this.finish(run, 'succeeded', null, connection);
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger.warn({ connectionId: connection.id, runId: run.id }, 'sync lease lost; another server carries on');
        return;
      }
      if (error instanceof TrackerError) {
        await this.finish(run, 'failed', error.message);
        if (error.kind === 'auth') await this.pauseForAuth(connection.id, error.message);
        return;
      }
      this.logger.error({ err: error, connectionId: connection.id, runId: run.id }, 'sync run failed');
      await this.finish(
        run,
        'failed',
        'Keyline could not finish this run (see the server log); the next run tries again',
      );
    } finally {
      clearInterval(heartbeat);
      await this.release(connection.id).catch(() => undefined);
    }
  }

  /** One page, all or nothing: the items, the run's counters and its resume point commit together. */
  private async commitPage(
    connection: ConnectionEntity,
    run: SyncRunEntity,
    page: TrackerPage,
    actor: ReturnType<typeof syncActor>,
  ): Promise<SyncRunEntity> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.write(async (m) => {
          await this.renew(m, connection.id);
          const counts = await applyIssues(m, { connection, seenByRunId: run.id, actor, now: nowIso() }, page.issues);
          const next = {
            pageToken: page.next,
            pages: run.pages + 1,
            highWater: maxIso(run.highWater, counts.highWater),
            fetched: run.fetched + page.issues.length,
            created: run.created + counts.created,
            updated: run.updated + counts.updated,
            archived: run.archived + counts.archived,
            restored: run.restored + counts.restored,
            errors: mergeErrors(run.errors, counts.errors),
            errorCount: run.errorCount + counts.errors.length,
          };
          await m.update(SyncRunEntity, { id: run.id }, next);
          return { ...run, ...next };
        });
      } catch (error) {
        if (attempt >= 3 || !isRetryableWrite(error)) throw error;
      }
    }
  }

  /** A full pass archives the connection's items it did not see, unless it saw nothing at all. */
  private async archiveUnseen(
    connection: ConnectionEntity,
    run: SyncRunEntity,
    actor: ReturnType<typeof syncActor>,
  ): Promise<SyncRunEntity> {
    return this.db.write(async (m) => {
      await this.renew(m, connection.id);
      const unseen = await m
        .createQueryBuilder(SyncedItemEntity, 's')
        .select('s.itemId', 'itemId')
        .where('s.connectionId = :id', { id: connection.id })
        .andWhere('(s.lastSeenRunId IS NULL OR s.lastSeenRunId != :run)', { run: run.id })
        .getRawMany<{ itemId: string }>();
      const next: Partial<SyncRunEntity> = {};
      if (unseen.length && run.fetched === 0) {
        const counts = { errors: [] as ApplyCounts['errors'] };
        addError(
          counts,
          null,
          `The query matched no issue, so nothing was archived (${unseen.length} items kept): check the query and the account's access`,
        );
        next.errors = mergeErrors(run.errors, counts.errors);
        next.errorCount = run.errorCount + 1;
      } else if (unseen.length) {
        const archived = await archiveItems(
          m,
          actor,
          unseen.map((u) => u.itemId),
          nowIso(),
          'no longer matches the connection query',
        );
        next.archived = run.archived + archived;
      }
      if (Object.keys(next).length) await m.update(SyncRunEntity, { id: run.id }, next);
      return { ...run, ...next };
    });
  }

  private async finish(
    run: SyncRunEntity,
    state: 'succeeded' | 'failed',
    message: string | null,
    connection?: ConnectionEntity,
  ): Promise<void> {
    await this.db.write(async (m) => {
      const now = nowIso();
      await m.update(
        SyncRunEntity,
        { id: run.id },
        { state, message: message?.slice(0, 1000) ?? null, finishedAt: now, pageToken: null },
      );
      if (state === 'succeeded' && connection) {
        const fresh = await m.findOneBy(ConnectionEntity, { id: connection.id });
        // Edited during the run (another query, say): its high-water mark belongs to the old settings.
        if (!fresh || fresh.version !== connection.version) return;
        await m.update(
          ConnectionEntity,
          { id: connection.id },
          {
            syncedUntil:
              maxIso(fresh.syncedUntil, run.highWater) ?? (run.mode === 'full' ? run.startedAt : fresh.syncedUntil),
            ...(run.mode === 'full' && { lastFullSyncAt: run.startedAt }),
          },
        );
      }
    });
  }

  private async pauseForAuth(connectionId: string, message: string): Promise<void> {
    await this.db.write((m) =>
      m.update(ConnectionEntity, { id: connectionId }, { state: 'auth-failed', stateMessage: message.slice(0, 1000) }),
    );
  }

  /**
   * A verified webhook named this issue: apply its current state to its one
   * item, or archive the item when the issue is gone or no longer matches.
   */
  async applyFromWebhook(
    connection: ConnectionEntity,
    issue: MappedIssue | null,
    gone: { key: string } | null,
  ): Promise<'updated' | 'archived' | 'unchanged'> {
    const actor = syncActor(connection);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.write(async (m) => {
          const now = nowIso();
          if (gone) {
            const item = await m
              .createQueryBuilder(SyncedItemEntity, 's')
              .innerJoin('backlog_items', 'i', 'i.id = s.itemId')
              .select('s.itemId', 'itemId')
              .where('s.connectionId = :c AND i.externalKey = :k AND i.archivedAt IS NULL', {
                c: connection.id,
                k: gone.key,
              })
              .getRawOne<{ itemId: string }>();
            if (!item) return 'unchanged';
            await archiveItems(m, actor, [item.itemId], now, 'the tracker says the issue is gone or no longer matches');
            return 'archived';
          }
          if (!issue) return 'unchanged';
          // A full pass in progress must count this issue as seen, or it would archive it at its end.
          const fullRun = await m.findOne(SyncRunEntity, {
            where: { connectionId: connection.id, state: 'running', mode: 'full' },
          });
          const counts = await applyIssues(m, { connection, seenByRunId: fullRun?.id ?? null, actor, now }, [issue]);
          return counts.created + counts.updated + counts.archived > 0 ? 'updated' : 'unchanged';
        });
      } catch (error) {
        if (attempt >= 3 || !isRetryableWrite(error)) throw error;
      }
    }
  }

  /** Connections whose lease expired while a run was left 'running' (a server died): resumed by the scheduler. */
  async interruptedRuns(): Promise<string[]> {
    const now = nowIso();
    return this.db.read(async (m) => {
      const runs = await m.find(SyncRunEntity, { where: { state: 'running' }, select: { connectionId: true } });
      if (!runs.length) return [];
      const stale = await m.find(ConnectionEntity, {
        where: [
          { leaseUntil: LessThan(now), state: 'active' },
          { leaseUntil: IsNull(), state: 'active', leaseOwner: IsNull() },
        ],
        select: { id: true },
      });
      const ids = new Set(stale.map((c) => c.id));
      return [...new Set(runs.map((r) => r.connectionId))].filter((id) => ids.has(id) && !this.running.has(id));
    });
  }
}

function maxIso(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** A lost race with another writer (version moved, a row inserted twice): the page is retried. */
function isRetryableWrite(error: unknown): boolean {
  if (error instanceof ConcurrentEditError) return true;
  const code =
    (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
    (error as { code?: string }).code;
  return code === '23505' || code === '40001' || code === '40P01' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
