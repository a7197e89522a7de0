import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventSubscribers } from '../notifications/events/event-publisher';
import type { NewMessage } from '../notifications/outbox';
import { WebhookEntity } from './webhook.entity';

/** Every active webhook subscribed to an event gets one signed delivery of it. */
export class WebhookSubscribers implements EventSubscribers {
  async messagesFor(m: EntityManager, events: readonly DomainEvent[]): Promise<NewMessage[]> {
    const hooks = await m.find(WebhookEntity, { where: { active: true } });
    if (hooks.length === 0) return [];
    const messages: NewMessage[] = [];
    for (const event of events) {
      for (const hook of hooks) {
        if (!hook.events.includes(event.type)) continue;
        messages.push({
          idempotencyKey: `evt:${event.id}:webhook:${hook.id}`,
          channel: 'webhook',
          kind: 'event',
          eventType: event.type,
          target: hook.id,
          payload: event.data,
        });
      }
    }
    return messages;
  }
}
