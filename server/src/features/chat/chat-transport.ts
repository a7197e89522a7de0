import {
  NotificationKindSchema,
  WebhookEventTypeSchema,
  type ChatPlatform,
  type MessageContent,
  type WebhookEventData,
} from '@keyline/shared';
import type { Database } from '../../db/database';
import type { PersonalPayload } from '../notifications/email/email-transport';
import { describeEvent } from '../notifications/events/event-content';
import { Links } from '../notifications/links';
import type { OutboxMessageEntity } from '../notifications/outbox-message.entity';
import { resolvePreferences } from '../notifications/preferences/preferences.service';
import { DeliveryError, type DeliveryReceipt, type Transport } from '../notifications/transports/transport';
import { UserEntity } from '../users/user.entity';
import { checkUrl, postToCheckedUrl, UnsafeUrlError } from '../webhooks/safe-http';
import { ChatChannelEntity } from './chat-channel.entity';
import { renderSlack, renderTeams, type ChatFrame } from './render-chat';

/** Answers that mean the channel or the payload is gone or refused for good: retrying cannot help. */
const FINAL_STATUSES = new Set([400, 401, 403, 404, 410]);

/**
 * Posts to a Slack or Teams incoming webhook, in the platform's own format.
 * The URL is checked like a webhook's (no private addresses unless
 * WEBHOOK_ALLOW_PRIVATE=true) and the connection pinned to the checked
 * address. A person's message follows their choice at send time.
 */
export class ChatTransport implements Transport {
  constructor(
    readonly channel: ChatPlatform,
    private readonly db: Database,
    private readonly links: Links,
    private readonly allowPrivate: boolean,
  ) {}

  async deliver(message: OutboxMessageEntity, signal: AbortSignal): Promise<DeliveryReceipt> {
    const { chat, content, footer } = await this.db.read(async (m) => {
      const chat = await m.findOneBy(ChatChannelEntity, { id: message.target });
      if (!chat) throw new DeliveryError('The chat channel was deleted', { permanent: true });
      if (!chat.active) throw new DeliveryError('The chat channel is paused', { permanent: true });
      if (message.kind === 'event') {
        const type = WebhookEventTypeSchema.parse(message.eventType);
        return {
          chat,
          content: describeEvent(type, message.payload as WebhookEventData<typeof type>),
          footer: { text: 'Keyline event.', link: { label: 'Open Keyline', url: this.links.absolute('/okrs') } },
        };
      }
      const payload = message.payload as PersonalPayload;
      const kind = NotificationKindSchema.safeParse(message.kind);
      if (kind.success && message.userId) {
        const user = await m.findOneBy(UserEntity, { id: message.userId });
        if (!user || user.disabled)
          throw new DeliveryError('The recipient is disabled or deleted', { permanent: true });
        const [prefs] = await resolvePreferences(m, [user.id]);
        if (!payload.force && prefs?.kinds[kind.data] !== 'chat')
          throw new DeliveryError('The recipient switched this kind of message off', { permanent: true });
        return {
          chat,
          content: payload.content,
          footer: {
            text: `For ${user.name}.`,
            link: { label: 'Change what Keyline sends you', url: this.links.absolute(Links.profile()) },
          },
        };
      }
      return { chat, content: payload.content as MessageContent, footer: { text: 'Sent by Keyline.' } };
    });
    let target;
    try {
      target = await checkUrl(chat.url, this.allowPrivate);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw new DeliveryError(error.message, { permanent: true });
      throw error;
    }
    const frame: ChatFrame = { absolute: (p) => this.links.absolute(p), footer };
    const body = JSON.stringify(this.channel === 'slack' ? renderSlack(content, frame) : renderTeams(content, frame));
    const result = await postToCheckedUrl(target, body, { 'x-keyline-delivery': message.id }, signal);
    if (result.status >= 200 && result.status < 300) return { statusCode: result.status };
    const answer = result.body.trim().slice(0, 100);
    throw new DeliveryError(
      `${this.channel === 'slack' ? 'Slack' : 'Teams'} answered ${result.status}${answer ? `: ${answer}` : ''}`,
      {
        statusCode: result.status,
        permanent: FINAL_STATUSES.has(result.status),
      },
    );
  }
}
