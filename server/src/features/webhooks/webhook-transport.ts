import type { Database } from '../../db/database';
import type { OutboxMessageEntity } from '../notifications/outbox-message.entity';
import { DeliveryError, type DeliveryReceipt, type Transport } from '../notifications/transports/transport';
import { checkUrl, postToCheckedUrl, UnsafeUrlError } from './safe-http';
import { WebhookEntity } from './webhook.entity';
import { signWebhook } from './webhook-signature';

/** The JSON body of a delivery: the same on every attempt, so its id lets a receiver drop repeats. */
export function webhookBody(message: Pick<OutboxMessageEntity, 'id' | 'eventType' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({
    id: message.id,
    type: message.eventType,
    createdAt: message.createdAt,
    data: message.payload,
  });
}

/**
 * Signed outgoing webhooks: a JSON POST with X-Keyline-Event,
 * X-Keyline-Delivery (the message's id, the same on every attempt) and
 * X-Keyline-Signature. A 2xx within the timeout counts as delivered.
 */
export class WebhookTransport implements Transport {
  readonly channel = 'webhook' as const;

  constructor(
    private readonly db: Database,
    private readonly allowPrivate: boolean,
    private readonly clock: () => number = Date.now,
  ) {}

  async deliver(message: OutboxMessageEntity, signal: AbortSignal): Promise<DeliveryReceipt> {
    const webhook = await this.db.read((m) => m.findOneBy(WebhookEntity, { id: message.target }));
    if (!webhook) throw new DeliveryError('The webhook was deleted', { permanent: true });
    if (!webhook.active) throw new DeliveryError('The webhook is paused', { permanent: true });
    let target;
    try {
      target = await checkUrl(webhook.url, this.allowPrivate);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw new DeliveryError(error.message, { permanent: true });
      throw error;
    }
    const body = webhookBody(message);
    const result = await postToCheckedUrl(
      target,
      body,
      {
        'x-keyline-event': message.eventType ?? '',
        'x-keyline-delivery': message.id,
        'x-keyline-signature': signWebhook(webhook.secret, body, Math.floor(this.clock() / 1000)),
      },
      signal,
    );
    if (result.status < 200 || result.status >= 300)
      throw new DeliveryError(`The receiver answered ${result.status}`, { statusCode: result.status });
    return { statusCode: result.status };
  }
}
