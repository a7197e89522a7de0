import { z } from 'zod';
import { IdSchema, VersionSchema } from '../common/primitives';
import { WebhookEventTypeSchema } from '../webhooks/webhook.schemas';

/** Slack and Microsoft Teams incoming webhooks: messages in each platform's own format. */
export const CHAT_PLATFORMS = ['slack', 'teams'] as const;
export const ChatPlatformSchema = z.enum(CHAT_PLATFORMS);
export type ChatPlatform = z.infer<typeof ChatPlatformSchema>;

const ChatUrlSchema = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  .url('Must be a URL')
  .refine((v) => /^https?:\/\//i.test(v), 'Must start with http:// or https://');

/** A chat channel as the API shows it: never the whole incoming-webhook URL, which is a credential. */
export const ChatChannelSchema = z.object({
  id: IdSchema,
  platform: ChatPlatformSchema,
  name: z.string(),
  /** The URL's host and last characters, to tell channels apart (hooks.slack.com/…Xy9Q). */
  urlHint: z.string(),
  /** The team whose people's messages go here; null: the organisation's channel (everyone else's). */
  teamId: IdSchema.nullable(),
  /** Events posted here as they happen (status changes, closed quarters, comments…). */
  events: z.array(WebhookEventTypeSchema),
  active: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChatChannel = z.infer<typeof ChatChannelSchema>;

const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .refine((events) => new Set(events).size === events.length, 'Each event may be listed once');

export const CreateChatChannelSchema = z.strictObject({
  platform: ChatPlatformSchema,
  name: z.string().trim().min(1, 'Required').max(80, 'At most 80 characters'),
  url: ChatUrlSchema,
  teamId: IdSchema.nullable().default(null),
  events: EventsSchema.default([]),
  active: z.boolean().default(true),
});
export type CreateChatChannelInput = z.input<typeof CreateChatChannelSchema>;

export const UpdateChatChannelSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(80, 'At most 80 characters').optional(),
  url: ChatUrlSchema.optional(),
  teamId: IdSchema.nullable().optional(),
  events: EventsSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateChatChannelInput = z.infer<typeof UpdateChatChannelSchema>;
