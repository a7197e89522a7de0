import type { Delivery } from '@keyline/shared';
import type { OutboxMessageEntity } from './outbox-message.entity';

/** An outbox row as the delivery log shows it; `recipient` is resolved by the caller (an address, a URL, a channel name). */
export function toDelivery(row: OutboxMessageEntity, recipient: string): Delivery {
  const payload = row.payload as { subject?: unknown; content?: { subject?: unknown } };
  const subject = typeof payload.subject === 'string' ? payload.subject : payload.content?.subject;
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    eventType: row.eventType,
    recipient,
    subject: typeof subject === 'string' ? subject : (row.eventType ?? row.kind),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' || row.status === 'sending' ? row.nextAttemptAt : null,
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
  };
}
