import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MessageChannel } from '@keyline/shared';
import type { Database } from '../../db/database';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface NewMessage {
  /** Unique per (event, recipient, channel): writing the same key twice stores one message. */
  idempotencyKey: string;
  channel: MessageChannel;
  kind: string;
  eventType?: string | null;
  /** Webhook id, chat channel id or user id. */
  target: string;
  userId?: string | null;
  payload: object;
}

const CHUNK = 200;

/**
 * Writes messages into the outbox inside the caller's transaction, so a
 * message exists if and only if the change that caused it committed. The
 * sender is woken once the transaction commits.
 */
export class Outbox {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly giveUpMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Called after a transaction that wrote messages commits (the sender listens). */
  onWritten(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The id of the message stored under this key (inside the transaction that wrote it, or later). */
  async idOf(m: EntityManager, idempotencyKey: string): Promise<string | null> {
    const row = await m.findOne(OutboxMessageEntity, {
      where: { idempotencyKey: idempotencyKey.slice(0, 200) },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  /** Call with the manager of the transaction that makes the change. Returns how many were new. */
  async enqueue(m: EntityManager, messages: readonly NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const now = this.clock();
    const created = new Date(now).toISOString();
    const expires = new Date(now + this.giveUpMs).toISOString();
    let inserted = 0;
    for (let i = 0; i < messages.length; i += CHUNK) {
      const chunk = messages
        .slice(i, i + CHUNK)
        .map((msg) => ({ ...msg, idempotencyKey: msg.idempotencyKey.slice(0, 200) }));
      // Keys already stored are skipped; ON CONFLICT DO NOTHING still guards a race with another transaction.
      const existing = new Set(
        (
          await m
            .createQueryBuilder(OutboxMessageEntity, 'o')
            .select('o.idempotencyKey', 'key')
            .where('o.idempotencyKey IN (:...keys)', { keys: chunk.map((c) => c.idempotencyKey) })
            .getRawMany<{ key: string }>()
        ).map((r) => r.key),
      );
      const rows: OutboxMessageEntity[] = chunk
        .filter(
          (msg, index) =>
            !existing.has(msg.idempotencyKey) &&
            chunk.findIndex((c) => c.idempotencyKey === msg.idempotencyKey) === index,
        )
        .map((msg) => ({
          id: randomUUID(),
          idempotencyKey: msg.idempotencyKey,
          channel: msg.channel,
          kind: msg.kind,
          eventType: msg.eventType ?? null,
          target: msg.target,
          userId: msg.userId ?? null,
          payload: msg.payload,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: created,
          expiresAt: expires,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
          lastStatusCode: null,
          createdAt: created,
          updatedAt: created,
          deliveredAt: null,
        }));
      if (rows.length === 0) continue;
      await m.createQueryBuilder().insert().into(OutboxMessageEntity).values(rows).orIgnore().execute();
      inserted += rows.length;
    }
    this.db.afterCommit(m, () => {
      for (const listener of this.listeners) listener();
    });
    return inserted;
  }
}
