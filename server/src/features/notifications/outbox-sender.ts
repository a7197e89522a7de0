import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { MessageChannel } from '@keyline/shared';
import type { Database } from '../../db/database';
import type { Clock, Leases } from '../../jobs/lease';
import { OutboxMessageEntity } from './outbox-message.entity';
import { DeliveryError, type Transport } from './transports/transport';

export interface SenderOptions {
  /** First retry after this long; doubling each time, capped at an hour. */
  retryBaseMs: number;
  /** A delivery attempt (and its claim) may take this long before another sender may retry it. */
  timeoutMs: number;
  /** Look for messages other servers wrote this often. */
  pollMs: number;
  batchSize?: number;
  concurrency?: number;
}

const MAX_BACKOFF_MS = 3_600_000;
const SQLITE_SENDER_LEASE = 'outbox-sender';
const iso = (ms: number) => new Date(ms).toISOString();

/** Wait before the attempt after `attempts` failures: base · 2^(n−1), ±20 % jitter so retries of a burst spread out, capped. */
export function backoffMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exact = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exact * (0.8 + 0.4 * random()));
}

/**
 * Delivers the outbox at least once. A message is claimed (status sending,
 * a lease of timeoutMs + a margin) in one short transaction, delivered
 * outside any transaction, then marked delivered, or rescheduled with
 * exponential backoff, or dead once past its expiry. A sender killed
 * mid-delivery leaves a lapsed lease: the message is claimed again and
 * re-sent with the same idempotency key.
 *
 * On PostgreSQL every app server sends: claims take rows `FOR UPDATE SKIP
 * LOCKED`, so two servers never claim the same row. On SQLite one process
 * owns sending, through the `outbox-sender` lease.
 */
export class OutboxSender {
  private readonly transports = new Map<MessageChannel, Transport>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** Aborted by stop(): deliveries under way end, and are retried later (nothing is lost). */
  private controller = new AbortController();
  private readonly leaseMs: number;

  constructor(
    private readonly db: Database,
    private readonly leases: Leases,
    transports: readonly Transport[],
    private readonly options: SenderOptions,
    private readonly logger: Logger,
    private readonly clock: Clock = Date.now,
  ) {
    for (const t of transports) this.transports.set(t.channel, t);
    this.leaseMs = options.timeoutMs * 2 + 5_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops claiming; deliveries under way are aborted and left to be retried (nothing is lost). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.controller.abort(new Error('shutting down'));
    await this.running?.catch(() => undefined);
    this.controller = new AbortController();
    if (this.db.kind === 'sqlite') await this.leases.release(SQLITE_SENDER_LEASE).catch(() => undefined);
  }

  /** Delivers what is due now, soon. Called after a transaction that wrote messages commits, and on a timer. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox sender failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Delivers until nothing is due (or this process may not send, or stop() is called). Tests call it directly. */
  async drainOnce(): Promise<void> {
    const batchSize = this.options.batchSize ?? 50;
    const signal = this.controller.signal;
    for (;;) {
      if (signal.aborted) return;
      if (this.db.kind === 'sqlite' && !(await this.leases.acquire(SQLITE_SENDER_LEASE, this.leaseMs))) return;
      const batch = await this.claim(batchSize);
      if (batch.length === 0) return;
      await forEachLimit(batch, this.options.concurrency ?? 8, (message) => this.deliverOne(message, signal));
      if (batch.length < batchSize) return;
    }
  }

  private claim(limit: number): Promise<OutboxMessageEntity[]> {
    const now = this.clock();
    const params = { me: this.leases.holder, until: iso(now + this.leaseMs), now: iso(now), limit };
    return this.db.write((m) =>
      this.db.kind === 'postgres' ? claimSkipLocked(m, params) : claimSerialized(m, params),
    );
  }

  private async deliverOne(message: OutboxMessageEntity, stopping: AbortSignal): Promise<void> {
    const transport = this.transports.get(message.channel);
    const started = this.clock();
    try {
      if (!transport) throw new DeliveryError(`No ${message.channel} channel is configured`);
      const signal = AbortSignal.any([stopping, AbortSignal.timeout(this.options.timeoutMs)]);
      const receipt = await transport.deliver(message, signal);
      await this.finish(message, {
        status: 'delivered',
        deliveredAt: iso(this.clock()),
        lastError: null,
        lastStatusCode: receipt.statusCode ?? null,
      });
    } catch (error) {
      if (stopping.aborted) return; // shutting down: the lease lapses and another attempt follows
      const details = error instanceof DeliveryError ? error.details : {};
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = timedOut
        ? `No answer within ${formatMs(this.options.timeoutMs)}`
        : error instanceof Error
          ? error.message
          : String(error);
      const now = this.clock();
      const next = now + backoffMs(message.attempts, this.options.retryBaseMs);
      const dead = details.permanent === true || next > Date.parse(message.expiresAt);
      this.logger.warn(
        { messageId: message.id, channel: message.channel, attempts: message.attempts, dead, ms: now - started },
        `delivery failed: ${reason}`,
      );
      await this.finish(message, {
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: iso(dead ? now : next),
        lastError: reason.slice(0, 500),
        lastStatusCode: details.statusCode ?? null,
      });
    }
  }

  /** Records the outcome, only if this sender still holds the message. */
  private async finish(message: OutboxMessageEntity, set: Partial<OutboxMessageEntity>): Promise<void> {
    await this.db.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({ ...set, leaseOwner: null, leaseUntil: null, updatedAt: iso(this.clock()) })
        .where('"id" = :id AND "leaseOwner" = :me', { id: message.id, me: this.leases.holder })
        .execute(),
    );
  }
}

interface ClaimParams {
  me: string;
  until: string;
  now: string;
  limit: number;
}

/** PostgreSQL: rows another server is claiming right now are skipped, not waited for. */
async function claimSkipLocked(m: EntityManager, p: ClaimParams): Promise<OutboxMessageEntity[]> {
  const rows: Record<string, unknown>[] = await m.query(
    `WITH claimed AS (
       UPDATE outbox_messages SET status = 'sending', "leaseOwner" = $1, "leaseUntil" = $2,
         attempts = attempts + 1, "updatedAt" = $3
       WHERE id IN (
         SELECT id FROM outbox_messages
         WHERE status IN ('pending', 'sending') AND "nextAttemptAt" <= $3 AND ("leaseUntil" IS NULL OR "leaseUntil" < $3)
         ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *)
     SELECT * FROM claimed`,
    [p.me, p.until, p.now, p.limit],
  );
  return rows.map((row) => m.create(OutboxMessageEntity, { ...row, payload: parseJson(row.payload) } as never));
}

/** SQLite: the transaction holds the database's only write lock, so select-then-update is atomic. */
async function claimSerialized(m: EntityManager, p: ClaimParams): Promise<OutboxMessageEntity[]> {
  const due = await m
    .createQueryBuilder(OutboxMessageEntity, 'o')
    .select('o.id', 'id')
    .where(
      "o.status IN ('pending', 'sending') AND o.nextAttemptAt <= :now AND (o.leaseUntil IS NULL OR o.leaseUntil < :now)",
      {
        now: p.now,
      },
    )
    .orderBy('o.nextAttemptAt', 'ASC')
    .limit(p.limit)
    .getRawMany<{ id: string }>();
  if (due.length === 0) return [];
  const ids = due.map((r) => r.id);
  await m
    .createQueryBuilder()
    .update(OutboxMessageEntity)
    .set({ status: 'sending', leaseOwner: p.me, leaseUntil: p.until, updatedAt: p.now, attempts: () => 'attempts + 1' })
    .where('id IN (:...ids)', { ids })
    .execute();
  return m.findBy(
    OutboxMessageEntity,
    ids.map((id) => ({ id })),
  );
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
