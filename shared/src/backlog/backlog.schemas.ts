import { z } from 'zod';
import { ItemFlagCodeSchema, ItemFlagSchema, ScoreBreakdownSchema } from '../scoring/breakdown.schemas';
import { ESTIMATE_FIELDS } from '../scoring/estimate-fields';
import {
  DateTimeInputSchema,
  DescriptionSchema,
  IdSchema,
  QueryBooleanSchema,
  TitleSchema,
  VersionSchema,
} from '../common/primitives';
import { ItemSourceSchema } from '../integrations/integration.schemas';

export const ITEM_TYPES = ['feature', 'bug', 'tech-debt', 'chore', 'experiment'] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const ITEM_STATUSES = ['idea', 'ready', 'in-progress', 'done', 'dropped'] as const;
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** RICE impact scale. */
export const IMPACT_VALUES = [0.25, 0.5, 1, 2, 3] as const;

/**
 * The estimate fields. Each may be missing (null) and a missing one is never
 * stored as 0: scoring tells "not scorable" apart from "scored zero".
 */
export const EstimateFieldsSchema = z.strictObject({
  reach: z.number().min(0, 'At least 0').max(1e9, 'Too large').nullable(),
  impact: z
    .number()
    .refine((v) => (IMPACT_VALUES as readonly number[]).includes(v), 'Must be one of 0.25, 0.5, 1, 2, 3')
    .nullable(),
  confidence: z.number().min(0, 'At least 0').max(1, 'At most 1 (100%)').nullable(),
  effort: z.number().positive('Must be greater than 0').max(10_000, 'At most 10,000').nullable(),
  businessValue: z.number().min(0, 'At least 0').max(1000, 'At most 1,000').nullable(),
  timeCriticality: z.number().min(0, 'At least 0').max(1000, 'At most 1,000').nullable(),
  riskReduction: z.number().min(0, 'At least 0').max(1000, 'At most 1,000').nullable(),
  jobSize: z.number().positive('Must be greater than 0').max(1000, 'At most 1,000').nullable(),
  ease: z.number().min(1, 'At least 1').max(10, 'At most 10').nullable(),
});
export type EstimateFields = z.infer<typeof EstimateFieldsSchema>;

const LabelSchema = z.string().trim().min(1).max(50, 'Labels are at most 50 characters');
const LabelsSchema = z.array(LabelSchema).max(20, 'At most 20 labels');
const ExternalKeySchema = z.string().trim().min(1).max(100, 'At most 100 characters');

export const LinkStrengthSchema = z.number().int('Must be 1, 2 or 3').min(1, 'At least 1').max(3, 'At most 3');

export const ItemLinkSchema = z.object({ keyResultId: IdSchema, strength: z.number().int() });
export type ItemLink = z.infer<typeof ItemLinkSchema>;

export const BacklogItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  type: ItemTypeSchema,
  status: ItemStatusSchema,
  teamId: IdSchema.nullable(),
  /** Manual order: lower comes first. Fractional so a move rewrites one row. */
  rank: z.number(),
  ...EstimateFieldsSchema.shape,
  externalKey: z.string().nullable(),
  labels: z.array(z.string()),
  links: z.array(ItemLinkSchema),
  /** When a done item became done (set when it is marked done, editable, imported from `Resolved`); null otherwise. */
  doneAt: z.string().nullable(),
  /** The tracker issue a synced item mirrors ("from Jira ABC-123"); null for Keyline's own items. */
  source: ItemSourceSchema.nullable(),
  /** Set while the item no longer matches its connection's query: hidden from the backlog, kept with its links. */
  archivedAt: z.string().nullable(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BacklogItem = z.infer<typeof BacklogItemSchema>;

export const CreateBacklogItemSchema = z.strictObject({
  title: TitleSchema,
  description: DescriptionSchema.default(''),
  type: ItemTypeSchema.default('feature'),
  status: ItemStatusSchema.default('idea'),
  teamId: IdSchema.nullable().default(null),
  externalKey: ExternalKeySchema.nullable().default(null),
  labels: LabelsSchema.default([]),
  /** Only for a done item; not in the future. Default: now, when created done. */
  doneAt: DateTimeInputSchema.optional(),
  ...EstimateFieldsSchema.partial().shape,
});
export type CreateBacklogItemInput = z.input<typeof CreateBacklogItemSchema>;

export const UpdateBacklogItemSchema = z.strictObject({
  title: TitleSchema.optional(),
  description: DescriptionSchema.optional(),
  type: ItemTypeSchema.optional(),
  status: ItemStatusSchema.optional(),
  teamId: IdSchema.nullable().optional(),
  externalKey: ExternalKeySchema.nullable().optional(),
  labels: LabelsSchema.optional(),
  /** When it became done: only for a done item, not in the future. Marking an item done sets it to now unless given. */
  doneAt: DateTimeInputSchema.optional(),
  ...EstimateFieldsSchema.partial().shape,
});
export type UpdateBacklogItemInput = z.infer<typeof UpdateBacklogItemSchema>;

/** Re-rank: put the item at the top, at the bottom, or just before/after another item. */
export const MoveBacklogItemSchema = z.union([
  z.strictObject({ position: z.enum(['top', 'bottom']) }),
  z.strictObject({ beforeId: IdSchema }),
  z.strictObject({ afterId: IdSchema }),
]);
export type MoveBacklogItemInput = z.infer<typeof MoveBacklogItemSchema>;

export const SetLinkSchema = z.strictObject({ strength: LinkStrengthSchema.default(2) });
export type SetLinkInput = z.input<typeof SetLinkSchema>;

/** An item as the backlog list shows it: the row plus its value score, why, and its flags. */
export const ScoredBacklogItemSchema = BacklogItemSchema.extend({
  /** null = not scorable (a flag names the missing estimates). */
  valueScore: z.number().nullable(),
  intrinsic: z.number().nullable(),
  alignment: z.number(),
  breakdown: ScoreBreakdownSchema,
  flags: z.array(ItemFlagSchema),
});
export type ScoredBacklogItem = z.infer<typeof ScoredBacklogItemSchema>;

/**
 * A row of the backlog list: the item, its value score rounded as people
 * read it (roundValueScore), its flags and links. The breakdown — most of a
 * scored item's bytes, never shown in the table — comes with the item's
 * detail, or on every row with `?include=breakdown` (then with intrinsic and
 * alignment, unrounded).
 */
export const BacklogRowSchema = BacklogItemSchema.extend({
  valueScore: z.number().nullable(),
  flags: z.array(ItemFlagSchema),
  intrinsic: z.number().nullable().optional(),
  alignment: z.number().optional(),
  breakdown: ScoreBreakdownSchema.optional(),
});
export type BacklogRow = z.infer<typeof BacklogRowSchema>;

export const BACKLOG_SORT_FIELDS = [
  'valueScore',
  'rank',
  'title',
  'type',
  'status',
  'createdAt',
  'updatedAt',
  ...ESTIMATE_FIELDS,
] as const;
export const BacklogSortSchema = z.enum(BACKLOG_SORT_FIELDS);
export type BacklogSort = z.infer<typeof BacklogSortSchema>;

/** A comma-separated list in a query string, e.g. `status=idea,ready`. */
const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));

export const BacklogListQuerySchema = z.strictObject({
  status: csvOf(ItemStatusSchema).optional(),
  type: csvOf(ItemTypeSchema).optional(),
  teamId: IdSchema.optional(),
  keyResultId: IdSchema.optional(),
  objectiveId: IdSchema.optional(),
  /** Only items with no link to any key result. */
  unlinked: QueryBooleanSchema.optional(),
  q: z.string().trim().max(200).optional(),
  /** Only items carrying any of these flags. */
  flag: csvOf(ItemFlagCodeSchema).optional(),
  sort: BacklogSortSchema.default('rank'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Opaque; take it from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  /** `breakdown`: every row carries its full score breakdown (the scoring preview, the flag fixes). */
  include: z.enum(['breakdown']).optional(),
});
export type BacklogListQuery = z.infer<typeof BacklogListQuerySchema>;
