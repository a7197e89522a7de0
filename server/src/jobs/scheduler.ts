import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { ScheduledJobEntity } from './job.entities';
import { newHolderId, type Clock } from './lease';

/**
 * Scheduled jobs that several app servers share without running anything twice.
 *
 * How to register a job (at start-up, before or after `start()`):
 *
 *     scheduler.register({
 *       name: 'tracker-sync',            // stable: it keys the job's row in scheduled_jobs
 *       schedule: '*\/10 * * * *',         // croner pattern (5 or 6 fields), here every 10 minutes
 *       timezone: 'UTC',                 // optional, IANA name
 *       leaseMs: 5 * 60_000,             // optional: how long a run may go silent before another server takes over
 *       run: async ({ slot, signal }) => {
 *         // Idempotent work for this slot. Stop when `signal` aborts (shutdown, or the lease was lost).
 *       },
 *     });
 *
 * What it guarantees:
 * - Each slot (a time the pattern names) is claimed by one conditional UPDATE
 *   of the job's row, so across app servers on one PostgreSQL (or processes on
 *   one SQLite file) exactly one runs it.
 * - Restarts never run a finished slot again: the row remembers the last
 *   finished slot. After downtime a job runs once, for the latest slot it
 *   missed, not once per missed slot. A job seen for the first time starts
 *   from the next slot (nothing is "caught up" on a fresh install).
 * - A run keeps a lease on its row; if its server dies, the lease lapses and
 *   another server (or this one after a restart) runs the slot again. So a run
 *   must be idempotent: writing its effects with a unique key (the outbox's
 *   idempotency keys) makes a repeated run harmless.
 * - A failed run is retried after `retryMs` until it succeeds or the next slot
 *   comes.
 *
 * For work that is not on a schedule but must not run twice at once (a
 * "sync now" button), use `Leases.runExclusive` with a name of its own; a job's
 * `run` can take the same lease so the two never overlap.
 */
export interface JobDefinition {
  name: string;
  schedule: string;
  timezone?: string;
  /** Default 5 minutes. */
  leaseMs?: number;
  /** After a failed run, try the slot again this much later. Default: the lease, at most a minute. */
  retryMs?: number;
  run(run: JobRun): Promise<void>;
}

export interface JobRun {
  /** The slot being run: the latest time the pattern named, at or before now. */
  slot: Date;
  /** Aborts on shutdown, or when this server lost the job's lease (another may be running it). */
  signal: AbortSignal;
}

export interface JobStatus {
  name: string;
  schedule: string;
  doneSlot: string | null;
  running: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
  nextRun: string | null;
}

interface Registered {
  def: JobDefinition;
  cron: Cron;
  leaseMs: number;
  retryMs: number;
  timer?: Cron;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export class Scheduler {
  private readonly jobs = new Map<string, Registered>();
  /** Runs in progress in this process, by job name. */
  private readonly running = new Map<string, { promise: Promise<void>; controller: AbortController }>();
  private poll: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;
  readonly holder: string;
  private readonly clock: Clock;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: { pollMs: number; holder?: string; clock?: Clock; timers?: boolean },
  ) {
    this.holder = options.holder ?? newHolderId();
    this.clock = options.clock ?? Date.now;
  }

  register(def: JobDefinition): void {
    if (this.jobs.has(def.name)) throw new Error(`Job ${def.name} is registered twice`);
    // Throws at registration on a bad pattern or time zone, not at the first slot.
    const cron = new Cron(def.schedule, { timezone: def.timezone ?? 'UTC', paused: true });
    const leaseMs = def.leaseMs ?? DEFAULT_LEASE_MS;
    const job: Registered = { def, cron, leaseMs, retryMs: def.retryMs ?? Math.min(leaseMs, 60_000) };
    this.jobs.set(def.name, job);
    if (this.started) this.arm(job);
  }

  /** Checks every job now (catching up on what downtime missed), then wakes at each slot and every pollMs. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.arm(job);
    if (this.options.timers !== false) {
      this.poll = setInterval(() => void this.tick(), this.options.pollMs);
      this.poll.unref();
    }
  }

  /** Stops waking up, aborts runs in progress and waits for them to return. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    for (const job of this.jobs.values()) job.timer?.stop();
    for (const run of this.running.values()) run.controller.abort(new Error('shutting down'));
    await Promise.allSettled([...this.running.values()].map((r) => r.promise));
  }

  /** Checks the named job (or all) now and runs what is due; resolves when the runs it started end. Tests call it directly. */
  async tick(name?: string): Promise<void> {
    const jobs = name ? [this.jobs.get(name)].filter((j): j is Registered => !!j) : [...this.jobs.values()];
    await Promise.all(
      jobs.map((job) =>
        this.check(job).catch((error: unknown) =>
          this.logger.error({ err: error, job: job.def.name }, 'job check failed'),
        ),
      ),
    );
  }

  async status(): Promise<JobStatus[]> {
    const rows = await this.db.read((m) => m.find(ScheduledJobEntity));
    const byName = new Map(rows.map((r) => [r.name, r]));
    return [...this.jobs.values()].map(({ def, cron }) => {
      const row = byName.get(def.name);
      return {
        name: def.name,
        schedule: def.schedule,
        doneSlot: row?.doneSlot ?? null,
        running: this.running.has(def.name),
        lastStartedAt: row?.lastStartedAt ?? null,
        lastFinishedAt: row?.lastFinishedAt ?? null,
        lastError: row?.lastError ?? null,
        nextRun: cron.nextRun(new Date(this.clock()))?.toISOString() ?? null,
      };
    });
  }

  private arm(job: Registered): void {
    if (this.options.timers !== false) {
      job.timer = new Cron(
        job.def.schedule,
        { timezone: job.def.timezone ?? 'UTC', unref: true, protect: true, catch: true },
        () => this.tick(job.def.name),
      );
    }
    void this.tick(job.def.name);
  }

  private async check(job: Registered): Promise<void> {
    if (this.stopped || this.running.has(job.def.name)) return;
    const now = this.clock();
    const due = job.cron.previousRuns(1, new Date(now))[0];
    const slot = await this.claim(job, now, due ? due.toISOString() : null);
    if (!slot || this.running.has(job.def.name)) return;
    const controller = new AbortController();
    const promise = this.execute(job, slot, controller).finally(() => this.running.delete(job.def.name));
    this.running.set(job.def.name, { promise, controller });
    await promise;
  }

  /** Takes the due slot if nobody finished or holds it. A job seen for the first time starts after it. */
  private claim(job: Registered, now: number, due: string | null): Promise<string | null> {
    const name = job.def.name;
    return this.db.write(async (m) => {
      const baseline = { claimedSlot: due, doneSlot: due, runner: null, leaseUntil: null, retryAt: null };
      await m
        .createQueryBuilder()
        .insert()
        .into(ScheduledJobEntity)
        .values({ name, ...baseline, lastStartedAt: null, lastFinishedAt: null, lastError: null, runs: 0 })
        .orIgnore()
        .execute();
      if (!due) return null;
      const result = await m
        .createQueryBuilder()
        .update(ScheduledJobEntity)
        .set({ claimedSlot: due, runner: this.holder, leaseUntil: iso(now + job.leaseMs), lastStartedAt: iso(now) })
        .where(
          '"name" = :name AND ("doneSlot" IS NULL OR "doneSlot" < :due)' +
            ' AND ("leaseUntil" IS NULL OR "leaseUntil" < :now) AND ("retryAt" IS NULL OR "retryAt" <= :now)',
          { name, due, now: iso(now) },
        )
        .execute();
      return result.affected === 1 ? due : null;
    });
  }

  private async execute(job: Registered, slot: string, controller: AbortController): Promise<void> {
    const name = job.def.name;
    const renew = setInterval(
      () => {
        this.update(name, slot, { leaseUntil: iso(this.clock() + job.leaseMs) })
          .then((kept) => kept || controller.abort(new Error(`job ${name} lost its lease`)))
          .catch((error: unknown) => controller.abort(error));
      },
      Math.max(10, Math.floor(job.leaseMs / 3)),
    );
    renew.unref();
    try {
      await job.def.run({ slot: new Date(slot), signal: controller.signal });
      await this.update(name, slot, {
        doneSlot: slot,
        runner: null,
        leaseUntil: null,
        retryAt: null,
        lastFinishedAt: iso(this.clock()),
        lastError: null,
        runs: () => '"runs" + 1',
      });
    } catch (error) {
      this.logger.error({ err: error, job: name, slot }, 'scheduled job failed; will retry');
      await this.update(name, slot, {
        runner: null,
        leaseUntil: null,
        retryAt: iso(this.clock() + job.retryMs),
        lastFinishedAt: iso(this.clock()),
        lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
      }).catch(() => undefined);
    } finally {
      clearInterval(renew);
    }
  }

  /** Changes the job's row only while this process still holds the slot it runs. */
  private async update(name: string, slot: string, set: Record<string, unknown>): Promise<boolean> {
    return this.db.write(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(ScheduledJobEntity)
        .set(set as never)
        .where('"name" = :name AND "runner" = :me AND "claimedSlot" = :slot', { name, me: this.holder, slot })
        .execute();
      return result.affected === 1;
    });
  }
}
