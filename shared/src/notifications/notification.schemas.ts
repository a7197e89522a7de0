import { z } from 'zod';
import { IdSchema } from '../common/primitives';

/** How a message travels: e-mail (SMTP), a chat incoming webhook (Slack, Teams), or a signed outgoing webhook. */
export const MESSAGE_CHANNELS = ['email', 'slack', 'teams', 'webhook'] as const;
export const MessageChannelSchema = z.enum(MESSAGE_CHANNELS);
export type MessageChannel = z.infer<typeof MessageChannelSchema>;

/**
 * pending: waiting for its (next) attempt · sending: an attempt is under way
 * (or its sender died: it is retried when the lease lapses) · delivered ·
 * dead: failed for longer than the retry window, or could never succeed.
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead'] as const;
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/**
 * The kinds of message sent to people; each can be switched off on its own
 * (and each e-mail's one-click unsubscribe switches off its kind).
 */
export const NOTIFICATION_KINDS = ['check_in_due', 'digest', 'mention', 'comment'] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** A link back into Keyline: a path, made absolute with PUBLIC_URL when rendered. */
export const MessageLinkSchema = z.object({
  label: z.string(),
  /** Starts with `/`, e.g. `/key-results/…`. */
  path: z.string(),
});
export type MessageLink = z.infer<typeof MessageLinkSchema>;

export const MessageItemSchema = z.object({
  text: z.string(),
  /** A second line: why it is listed ("no check-in for 9 days"). */
  detail: z.string().optional(),
  path: z.string(),
});
export type MessageItem = z.infer<typeof MessageItemSchema>;

export const MessageSectionSchema = z.object({
  heading: z.string(),
  items: z.array(MessageItemSchema),
});
export type MessageSection = z.infer<typeof MessageSectionSchema>;

/**
 * What a message says, independent of the channel: e-mail renders it as
 * HTML and plain text, Slack as blocks, Teams as an adaptive card.
 */
export const MessageContentSchema = z.object({
  subject: z.string(),
  /** The opening sentence. */
  intro: z.string(),
  /** Quoted text, e.g. the comment that mentions you. */
  quote: z.string().optional(),
  sections: z.array(MessageSectionSchema),
  action: MessageLinkSchema,
});
export type MessageContent = z.infer<typeof MessageContentSchema>;

/** One row of the delivery log (Settings → Notifications) and of a webhook's deliveries. */
export const DeliverySchema = z.object({
  id: IdSchema,
  channel: MessageChannelSchema,
  kind: z.string(),
  eventType: z.string().nullable(),
  /** Whom it goes to, for people to read: an e-mail address, a channel's name, a webhook's URL. */
  recipient: z.string(),
  subject: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
