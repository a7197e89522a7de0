import { z } from 'zod';
import { ItemFlagCodeSchema } from '../scoring/breakdown.schemas';
import { IdSchema, VersionSchema } from '../common/primitives';
import { OKR_STATUSES } from '../key-results/status';

/** Every event a webhook (or a chat channel) can subscribe to. docs/WEBHOOKS.md documents each payload. */
export const WEBHOOK_EVENT_TYPES = [
  'check_in.created',
  'key_result.status_changed',
  'backlog_item.flagged',
  'backlog_item.unflagged',
  'backlog_item.linked',
  'backlog_item.unlinked',
  'cycle.closed',
  'comment.created',
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

const EventListSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, 'Pick at least one event')
  .refine((events) => new Set(events).size === events.length, 'Each event may be listed once');

const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  .url('Must be a URL')
  .refine((v) => /^https?:\/\//i.test(v), 'Must start with http:// or https://');

export const WebhookSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(WebhookEventTypeSchema),
  active: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** The answer to creating a webhook: the only time its signing secret is shown. */
export const CreatedWebhookSchema = WebhookSchema.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const CreateWebhookSchema = z.strictObject({
  url: WebhookUrlSchema,
  events: EventListSchema,
  active: z.boolean().default(true),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z.strictObject({
  url: WebhookUrlSchema.optional(),
  events: EventListSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookSchema>;

// ---- Payloads: the `data` of each event ----------------------------------------------------------

const UrlSchema = z.string().describe('Absolute link to the screen in Keyline (starts with PUBLIC_URL)');

export const KeyResultRefSchema = z.object({
  id: IdSchema,
  title: z.string(),
  objectiveId: IdSchema,
  ownerId: IdSchema.nullable(),
  url: UrlSchema,
});
export const BacklogItemRefSchema = z.object({
  id: IdSchema,
  title: z.string(),
  externalKey: z.string().nullable(),
  teamId: IdSchema.nullable(),
  url: UrlSchema,
});
export const CycleRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  url: UrlSchema,
});

const FlagCodeSchema = ItemFlagCodeSchema;

export const CheckInCreatedDataSchema = z.object({
  checkIn: z.object({
    id: IdSchema,
    value: z.number(),
    confidence: z.number().int().describe('0–10'),
    note: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
  }),
  keyResult: KeyResultRefSchema.extend({
    previousValue: z.number(),
    targetValue: z.number(),
    unit: z.string(),
  }),
});

export const KeyResultStatusChangedDataSchema = z.object({
  keyResult: KeyResultRefSchema,
  previousStatus: z.enum(OKR_STATUSES),
  status: z.enum(OKR_STATUSES),
  /** Progress toward the target (0–1, may pass either end). */
  progress: z.number(),
  /** Where the pace line says it should be today (0–1). */
  expectedProgress: z.number().nullable(),
  confidence: z.number().int().nullable(),
});

export const BacklogItemFlagsDataSchema = z.object({
  item: BacklogItemRefSchema,
  /** The flags this event is about: gained (flagged) or lost (unflagged). */
  flags: z.array(z.object({ code: FlagCodeSchema, message: z.string() })),
  /** Every flag the item has now. */
  currentFlags: z.array(FlagCodeSchema),
});

export const BacklogItemLinkDataSchema = z.object({
  item: BacklogItemRefSchema,
  keyResult: KeyResultRefSchema,
  /** 1–3; null when unlinked. */
  strength: z.number().int().nullable(),
});

export const CycleClosedDataSchema = z.object({
  cycle: CycleRefSchema,
  nextCycle: CycleRefSchema.nullable(),
  carriedKeyResultIds: z.array(IdSchema),
});

export const CommentCreatedDataSchema = z.object({
  comment: z.object({
    id: IdSchema,
    body: z.string(),
    authorId: IdSchema.nullable(),
    authorName: z.string(),
    createdAt: z.string(),
    url: UrlSchema,
  }),
  subject: z.object({
    type: z.enum(['key_result', 'check_in', 'backlog_item']),
    id: IdSchema,
    title: z.string(),
    url: UrlSchema,
  }),
  mentions: z.array(z.object({ id: IdSchema, name: z.string() })),
});

/** The `data` schema of each event type. */
export const WEBHOOK_EVENT_DATA = {
  'check_in.created': CheckInCreatedDataSchema,
  'key_result.status_changed': KeyResultStatusChangedDataSchema,
  'backlog_item.flagged': BacklogItemFlagsDataSchema,
  'backlog_item.unflagged': BacklogItemFlagsDataSchema,
  'backlog_item.linked': BacklogItemLinkDataSchema,
  'backlog_item.unlinked': BacklogItemLinkDataSchema,
  'cycle.closed': CycleClosedDataSchema,
  'comment.created': CommentCreatedDataSchema,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;

/** The whole body of a delivery. */
export const WebhookDeliveryBodySchema = z.object({
  /** Unique per delivery and the same on every retry (also in X-Keyline-Delivery): drop repeats by it. */
  id: IdSchema,
  type: WebhookEventTypeSchema,
  createdAt: z.string(),
  data: z.unknown(),
});
