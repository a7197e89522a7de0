import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/database';
import { LeaseEntity } from './job.entities';

/** Names this process in leases and claims: host, pid and a random part (a restarted pid is someone else). */
export function newHolderId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export type Clock = () => number;
const iso = (ms: number) => new Date(ms).toISOString();

/** What exclusive work gets: a signal that fires if the lease was lost (another process may now run the same work). */
export interface LeaseContext {
  signal: AbortSignal;
}

/**
 * Named leases in the database, so that of several processes (app servers on
 * one PostgreSQL, or a second process on the same SQLite file) only one does
 * a piece of work at a time. A lease is taken by one conditional UPDATE and
 * lapses on its own if its holder dies, so a crashed server never blocks the
 * work for longer than the lease. Times are the app servers' clocks: keep
 * them in sync (NTP) and leases well above the skew (seconds, not ms).
 */
export class Leases {
  constructor(
    private readonly db: Database,
    readonly holder: string = newHolderId(),
    private readonly clock: Clock = Date.now,
  ) {}

  /** True if this process now holds the lease for `ms` (taken fresh, or renewed). */
  acquire(name: string, ms: number): Promise<boolean> {
    return this.db.write(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(LeaseEntity)
        .values({ name, holder: null, until: null })
        .orIgnore()
        .execute();
      const now = this.clock();
      const result = await m
        .createQueryBuilder()
        .update(LeaseEntity)
        .set({ holder: this.holder, until: iso(now + ms) })
        .where('"name" = :name AND ("holder" IS NULL OR "holder" = :me OR "until" IS NULL OR "until" < :now)', {
          name,
          me: this.holder,
          now: iso(now),
        })
        .execute();
      return result.affected === 1;
    });
  }

  /** Gives the lease up at once (if still ours), so another process need not wait for it to lapse. */
  async release(name: string): Promise<void> {
    await this.db.write((m) =>
      m
        .createQueryBuilder()
        .update(LeaseEntity)
        .set({ holder: null, until: null })
        .where('"name" = :name AND "holder" = :me', { name, me: this.holder })
        .execute(),
    );
  }

  /**
   * Runs `work` only if no other process holds the lease; renews it every
   * third of `ms` while the work runs and releases it after. If a renewal
   * fails (the database was unreachable past the lease), `signal` aborts:
   * stop, another process may be running the same work now.
   * Returns `{ ran: false }` at once when someone else holds it.
   */
  async runExclusive<T>(
    name: string,
    ms: number,
    work: (lease: LeaseContext) => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    if (!(await this.acquire(name, ms))) return { ran: false };
    const controller = new AbortController();
    const timer = setInterval(
      () => {
        this.acquire(name, ms)
          .then((held) => held || controller.abort(new Error(`lease ${name} lost`)))
          .catch((error: unknown) => controller.abort(error));
      },
      Math.max(10, Math.floor(ms / 3)),
    );
    timer.unref();
    try {
      return { ran: true, value: await work({ signal: controller.signal }) };
    } finally {
      clearInterval(timer);
      await this.release(name).catch(() => undefined);
    }
  }
}
