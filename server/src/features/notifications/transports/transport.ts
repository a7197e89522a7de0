import type { MessageChannel } from '@keyline/shared';
import type { OutboxMessageEntity } from '../outbox-message.entity';

/** What a delivery attempt learned from the receiver. */
export interface DeliveryReceipt {
  statusCode?: number;
}

/**
 * A failed attempt. `permanent`: retrying cannot help (the webhook was
 * deleted, the address is refused by the SSRF check, the user switched the
 * kind off): the message is marked dead at once.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly details: { permanent?: boolean; statusCode?: number } = {},
  ) {
    super(message);
  }
}

/** Delivers outbox messages of one channel. Throws DeliveryError (or anything) on failure. */
export interface Transport {
  readonly channel: MessageChannel;
  deliver(message: OutboxMessageEntity, signal: AbortSignal): Promise<DeliveryReceipt>;
}
