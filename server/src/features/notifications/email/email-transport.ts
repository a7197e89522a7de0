import nodemailer, { type Mail } from 'nodemailer';
import { NOTIFICATION_KIND_LABELS, NotificationKindSchema, type MessageContent } from '@keyline/shared';
import type { Database } from '../../../db/database';
import { UserEntity } from '../../users/user.entity';
import { Links } from '../links';
import type { OutboxMessageEntity } from '../outbox-message.entity';
import { resolvePreferences } from '../preferences/preferences.service';
import type { UnsubscribeTokens } from '../preferences/unsubscribe-token';
import { DeliveryError, type DeliveryReceipt, type Transport } from '../transports/transport';
import { renderEmail } from './render-email';

/** What an outbox row for a person carries: the content, rendered per channel when sent. */
export interface PersonalPayload {
  content: MessageContent;
  /** Sent whatever the person's choice for its kind (the test digest they asked for). */
  force?: boolean;
}

export const UNSUBSCRIBE_API_PATH = '/api/notifications/unsubscribe';

/**
 * E-mail over SMTP with nodemailer (`SMTP_URL`: STARTTLS when the server
 * offers it, `smtps://` for implicit TLS). The address, the person's choice
 * and the unsubscribe link are read at send time, so a message written
 * before someone unsubscribed or changed address follows what they want now.
 * The Message-ID is the outbox row's id: the same on every retry, so a mail
 * system that already took a copy can drop the repeat.
 */
export class EmailTransport implements Transport {
  readonly channel = 'email' as const;
  private readonly mailer: Mail;
  private readonly domain: string;

  constructor(
    private readonly db: Database,
    private readonly links: Links,
    private readonly tokens: UnsubscribeTokens,
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const url = new URL(smtpUrl);
    this.mailer = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    this.domain = new URL(links.base).hostname || 'keyline.local';
  }

  async deliver(message: OutboxMessageEntity, signal: AbortSignal): Promise<DeliveryReceipt> {
    const kind = NotificationKindSchema.safeParse(message.kind);
    if (!kind.success || !message.userId)
      throw new DeliveryError(`Not a message for a person: ${message.kind}`, { permanent: true });
    const payload = message.payload as PersonalPayload;
    await this.tokens.ensure(this.db);
    const { user, prefs } = await this.db.read(async (m) => {
      return {
        user: await m.findOneBy(UserEntity, { id: message.userId as string }),
        prefs: (await resolvePreferences(m, [message.userId as string]))[0],
      };
    });
    if (!user) throw new DeliveryError('The recipient was deleted', { permanent: true });
    if (user.disabled) throw new DeliveryError('The recipient is disabled', { permanent: true });
    if (!payload.force && prefs?.kinds[kind.data] !== 'email')
      throw new DeliveryError('The recipient switched this kind of message off', { permanent: true });
    const token = this.tokens.sign(user.id, kind.data);
    const rendered = renderEmail(payload.content, {
      absolute: (path) => this.links.absolute(path),
      kindLabel: NOTIFICATION_KIND_LABELS[kind.data],
      unsubscribeUrl: this.links.absolute(`/unsubscribe?token=${encodeURIComponent(token)}`),
      preferencesUrl: this.links.absolute(Links.profile()),
    });
    const send = this.mailer.sendMail({
      from: this.from,
      to: { name: user.name, address: user.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${message.id}@${this.domain}>`,
      headers: {
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this address.
        'List-Unsubscribe': `<${this.links.absolute(`${UNSUBSCRIBE_API_PATH}?token=${encodeURIComponent(token)}`)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'X-Keyline-Delivery': message.id,
        'Auto-Submitted': 'auto-generated',
      },
    });
    try {
      await abortable(send, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx is the server's final word (no such mailbox, refused); 4xx and network trouble are worth retrying.
      throw new DeliveryError(`SMTP: ${(error as Error).message}`.slice(0, 500), {
        permanent: code !== undefined && code >= 500,
        statusCode: code,
      });
    }
    return { statusCode: 250 };
  }

  close(): void {
    this.mailer.close();
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
