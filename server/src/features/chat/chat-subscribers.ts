import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventSubscribers } from '../notifications/events/event-publisher';
import type { NewMessage } from '../notifications/outbox';
import { ChatChannelEntity } from './chat-channel.entity';

/** Every active chat channel that follows an event gets one message about it, in its platform's format. */
export class ChatSubscribers implements EventSubscribers {
  async messagesFor(m: EntityManager, events: readonly DomainEvent[]): Promise<NewMessage[]> {
    const channels = await m.find(ChatChannelEntity, { where: { active: true } });
    const messages: NewMessage[] = [];
    for (const event of events) {
      for (const channel of channels) {
        if (!channel.events.includes(event.type)) continue;
        messages.push({
          idempotencyKey: `evt:${event.id}:${channel.platform}:${channel.id}`,
          channel: channel.platform,
          kind: 'event',
          eventType: event.type,
          target: channel.id,
          payload: event.data,
        });
      }
    }
    return messages;
  }
}
