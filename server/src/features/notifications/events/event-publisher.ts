import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { WEBHOOK_EVENT_DATA, type WebhookEventData, type WebhookEventType } from '@keyline/shared';
import type { NewMessage, Outbox } from '../outbox';

/** Something that happened, with its payload (the `data` of a webhook delivery, docs/WEBHOOKS.md). */
export interface DomainEvent<T extends WebhookEventType = WebhookEventType> {
  /** Unique per event; with the subscriber it makes the message's idempotency key. */
  id: string;
  type: T;
  data: WebhookEventData<T>;
}

/** Who listens to events (webhooks, chat channels): turns events into outbox messages. */
export interface EventSubscribers {
  messagesFor(m: EntityManager, events: readonly DomainEvent[]): Promise<NewMessage[]>;
}

/**
 * Publishes events inside the transaction of the change that caused them:
 * every subscriber's message is an outbox row committed with the change, so
 * an acknowledged write never loses its event, and a rolled-back one sends
 * nothing. Payloads are parsed with the shared schemas on the way out, so
 * what receivers get is exactly what docs/WEBHOOKS.md documents.
 */
export class EventPublisher {
  private readonly subscribers: EventSubscribers[] = [];

  constructor(private readonly outbox: Outbox) {}

  subscribe(source: EventSubscribers): void {
    this.subscribers.push(source);
  }

  static event<T extends WebhookEventType>(type: T, data: WebhookEventData<T>, id: string = randomUUID()): DomainEvent {
    return { id, type, data: WEBHOOK_EVENT_DATA[type].parse(data) as WebhookEventData<T> } as DomainEvent;
  }

  async publish<T extends WebhookEventType>(m: EntityManager, type: T, data: WebhookEventData<T>): Promise<void> {
    await this.publishAll(m, [EventPublisher.event(type, data)]);
  }

  async publishAll(m: EntityManager, events: readonly DomainEvent[]): Promise<number> {
    if (events.length === 0 || this.subscribers.length === 0) return 0;
    const messages: NewMessage[] = [];
    for (const source of this.subscribers) messages.push(...(await source.messagesFor(m, events)));
    return this.outbox.enqueue(m, messages);
  }
}
