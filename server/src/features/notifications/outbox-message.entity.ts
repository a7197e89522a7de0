import { Entity } from 'typeorm';
import type { DeliveryStatus, MessageChannel } from '@keyline/shared';
import { IdColumn, IntColumn, JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/**
 * One message to deliver once, on one channel, to one recipient: written in
 * the same transaction as the change that caused it, delivered by the
 * outbox sender at least once. The idempotency key (event, recipient,
 * channel) is unique, so writing the same message twice (a job run again
 * after a crash) stores it once; it travels with every attempt
 * (`X-Keyline-Delivery`, the e-mail's Message-ID) so a receiver can drop
 * repeats.
 */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @IdColumn() id: string;
  @TextColumn(200) idempotencyKey: string;
  @TextColumn(10) channel: MessageChannel;
  /** What kind of message: a notification kind (`digest`, `mention`, …) or `event` for webhooks. */
  @TextColumn(40) kind: string;
  /** Webhook event type (`check_in.created`); null for notifications to people. */
  @TextColumn(50, true) eventType: string | null;
  /** Webhook id, chat channel id, or user id: whom the channel delivers to. */
  @RefColumn() target: string;
  /** The user the message is for, when it is for a person. */
  @RefColumn(true) userId: string | null;
  /** What to say, rendered per channel at send time. */
  @JsonColumn() payload: object;
  @TextColumn(10) status: DeliveryStatus;
  @IntColumn() attempts: number;
  @TimestampColumn() nextAttemptAt: string;
  /** Past this moment, a failure marks the message dead instead of retrying. */
  @TimestampColumn() expiresAt: string;
  @TextColumn(100, true) leaseOwner: string | null;
  @TimestampColumn(true) leaseUntil: string | null;
  @TextColumn(500, true) lastError: string | null;
  @IntColumn(true) lastStatusCode: number | null;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
  @TimestampColumn(true) deliveredAt: string | null;
}
