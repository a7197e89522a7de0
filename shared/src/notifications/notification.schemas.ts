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

// ---- People's choices ----------------------------------------------------------------------------

/** Where a person gets one kind of message: e-mail, the chat channel of their team (or the organisation's), or not at all. */
export const DELIVERY_CHOICES = ['email', 'chat', 'none'] as const;
export const DeliveryChoiceSchema = z.enum(DELIVERY_CHOICES);
export type DeliveryChoice = z.infer<typeof DeliveryChoiceSchema>;

/** What each kind is called on screens and in e-mails ("You get this because …"). */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  check_in_due: 'Check-in reminders',
  digest: 'Weekly digest',
  mention: 'Mentions',
  comment: 'Comments on your key results',
};

export const DEFAULT_DELIVERY: Record<NotificationKind, DeliveryChoice> = {
  check_in_due: 'email',
  digest: 'email',
  mention: 'email',
  comment: 'email',
};

/** True for an IANA time-zone name this runtime knows (Europe/Berlin, America/New_York, UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .trim()
  .max(64, 'At most 64 characters')
  .refine(isTimeZone, 'Must be a time zone like Europe/Berlin or America/New_York');

export const DeliveryChoicesSchema = z.strictObject({
  check_in_due: DeliveryChoiceSchema,
  digest: DeliveryChoiceSchema,
  mention: DeliveryChoiceSchema,
  comment: DeliveryChoiceSchema,
});
export type DeliveryChoices = z.infer<typeof DeliveryChoicesSchema>;

/** `GET /api/notifications/preferences`: the signed-in person's own choices. */
export const NotificationPreferencesSchema = z.object({
  /** The user's id doubles as the document's id (ETag, If-Match). */
  id: IdSchema,
  /** 0 until first saved (the defaults). */
  version: z.number().int().min(0),
  email: z.string(),
  kinds: DeliveryChoicesSchema,
  /** Their own time zone, or null for the organisation's. */
  timeZone: z.string().nullable(),
  /** The zone their digest follows: theirs, else the organisation's. */
  effectiveTimeZone: z.string(),
  /** Teams they follow: their items and KRs in the digest, and the chat channel their messages go to. */
  teamIds: z.array(IdSchema),
  /** Whether the server can send e-mail at all (SMTP_URL set). */
  emailAvailable: z.boolean(),
  /** Whether a chat channel exists that their chat messages would reach. */
  chatAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** `PUT /api/notifications/preferences` with If-Match (`"0"` before the first save). */
export const UpdateNotificationPreferencesSchema = z.strictObject({
  kinds: DeliveryChoicesSchema.partial().strict().optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
  teamIds: z
    .array(IdSchema)
    .max(50, 'At most 50 teams')
    .refine((ids) => new Set(ids).size === ids.length, 'Each team may be listed once')
    .optional(),
});
export type UpdateNotificationPreferencesInput = z.infer<typeof UpdateNotificationPreferencesSchema>;

/** What a one-click unsubscribe link is for, shown before (and after) it is used. */
export const UnsubscribeInfoSchema = z.object({
  kind: NotificationKindSchema,
  label: z.string(),
  /** The address, partly hidden (a***@example.com). */
  email: z.string(),
  /** Whether this kind still reaches them by e-mail. */
  subscribed: z.boolean(),
});
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfoSchema>;

export const UnsubscribeQuerySchema = z.strictObject({ token: z.string().min(10).max(300) });

// ---- The organisation's settings and the admin's view --------------------------------------------

/** `GET|PUT /api/settings/notifications` (admin): the default time zone and the digest's schedule. */
export const NotificationSettingsSchema = z.strictObject({
  /** For everyone who has not picked their own. */
  defaultTimeZone: TimeZoneSchema,
  /** Off: nobody gets a weekly digest (the test digest still works). */
  digestEnabled: z.boolean(),
  /** Off: nobody gets check-in reminders. */
  remindersEnabled: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = Object.freeze({
  defaultTimeZone: 'UTC',
  digestEnabled: true,
  remindersEnabled: true,
});

export const VersionedNotificationSettingsSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  settings: NotificationSettingsSchema,
});
export type VersionedNotificationSettings = z.infer<typeof VersionedNotificationSettingsSchema>;

/** `GET /api/notifications/overview` (admin): can Keyline send, and how is sending going. */
export const NotificationOverviewSchema = z.object({
  email: z.object({
    enabled: z.boolean(),
    /** MAIL_FROM, when e-mail is on. */
    from: z.string().nullable(),
    /** The SMTP host and port (never the credentials). */
    server: z.string().nullable(),
  }),
  /** PUBLIC_URL: every link in a message starts with it. */
  publicUrl: z.string(),
  /** Messages per status over the last 7 days. */
  counts: z.record(DeliveryStatusSchema, z.number().int()),
  jobs: z.array(
    z.object({
      name: z.string(),
      schedule: z.string(),
      lastFinishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
      nextRun: z.string().nullable(),
    }),
  ),
});
export type NotificationOverview = z.infer<typeof NotificationOverviewSchema>;

export const DeliveriesQuerySchema = z.strictObject({
  status: DeliveryStatusSchema.optional(),
  channel: MessageChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this delivery (the `nextCursor` of the previous page). */
  before: z.string().max(100).optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuerySchema>;

export const DeliveryPageSchema = z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPageSchema>;

/** `POST /api/notifications/test-digest`: what was sent, and where. */
export const TestDigestResultSchema = z.object({
  channel: MessageChannelSchema,
  /** The address or channel it went to. */
  recipient: z.string(),
  subject: z.string(),
  /** True when there is nothing for you this week (the weekly run would send nothing; the test says so). */
  empty: z.boolean(),
  deliveryId: IdSchema,
});
export type TestDigestResult = z.infer<typeof TestDigestResultSchema>;
