// The outcomes API's shapes: one zod schema per request and response, used
// by the server (validate, OpenAPI) and the client (types).
import { z } from 'zod';
import { IdSchema } from '../common/primitives';
import { OutcomeSettingsSchema } from './settings';

export const ITEM_OUTCOME_STATES = ['moved', 'not-moved', 'waiting'] as const;
export const ItemOutcomeStateSchema = z.enum(ITEM_OUTCOME_STATES);

export const OutcomeQuerySchema = z.strictObject({
  /** Only this quarter's figures and items; every quarter when absent. */
  cycleId: IdSchema.optional(),
  /** Only this team's; every team when absent. */
  teamId: IdSchema.optional(),
  /** Only items linked to this key result (its page's "what moved this KR"). */
  keyResultId: IdSchema.optional(),
  /** Only this backlog item (its detail panel: the outcome that followed it). */
  itemId: IdSchema.optional(),
  state: ItemOutcomeStateSchema.optional(),
  /** At most this many items (newest first); the figures always cover every item. */
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type OutcomeQuery = z.infer<typeof OutcomeQuerySchema>;

export const CalibrationBucketSchema = z.object({
  from: z.number(),
  to: z.number(),
  label: z.string(),
  count: z.number().int(),
  hits: z.number().int(),
  hitRate: z.number().nullable(),
  medianCredit: z.number().nullable(),
});

export const OutcomeSummarySchema = z.object({
  shipped: z.number().int(),
  judged: z.number().int(),
  waiting: z.number().int(),
  provisional: z.number().int(),
  hits: z.number().int(),
  hitRate: z.number().nullable(),
  tooFew: z.boolean(),
  sampleNote: z.string(),
  medianCreditPerPoint: z.number().nullable(),
  perPointSampleSize: z.number().int(),
  calibration: z.object({
    buckets: z.array(CalibrationBucketSchema),
    spearman: z.number().nullable(),
    sampleSize: z.number().int(),
    tooFew: z.boolean(),
    sampleNote: z.string(),
  }),
});
export type OutcomeSummaryDto = z.infer<typeof OutcomeSummarySchema>;

export const LinkOutcomeSchema = z.object({
  keyResultId: IdSchema,
  keyResultTitle: z.string(),
  /** The KR's owner: who answers for it (backlog items have no owner of their own). */
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  unit: z.string(),
  strength: z.number().int(),
  state: z.enum(['measured', 'waiting']),
  provisional: z.boolean(),
  valueAtDone: z.number(),
  measuredUntil: z.string().nullable(),
  valueAfter: z.number().nullable(),
  movement: z.number().nullable(),
  paceBefore: z.number().nullable(),
  paceAfter: z.number().nullable(),
  lift: z.number().nullable(),
  moved: z.boolean(),
  sharedWith: z.array(z.object({ id: IdSchema, title: z.string() })),
  creditShare: z.number(),
  credit: z.number().nullable(),
});
export type LinkOutcomeDto = z.infer<typeof LinkOutcomeSchema>;

export const ItemOutcomeSchema = z.object({
  itemId: IdSchema,
  title: z.string(),
  externalKey: z.string().nullable(),
  cycleId: IdSchema,
  teamId: IdSchema.nullable(),
  doneAt: z.string(),
  effort: z.number().nullable(),
  predicted: z.number().nullable(),
  state: ItemOutcomeStateSchema,
  provisional: z.boolean(),
  credit: z.number().nullable(),
  creditPerPoint: z.number().nullable(),
  links: z.array(LinkOutcomeSchema),
});
export type ItemOutcomeDto = z.infer<typeof ItemOutcomeSchema>;

const CycleRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
});

export const OutcomeReportSchema = z.object({
  asOf: z.string(),
  settings: OutcomeSettingsSchema,
  /** "Correlation, not proof of cause…": shown beside every figure. */
  note: z.string(),
  cycleId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  /** Every quarter, in start order (with or without measured items). */
  cycles: z.array(CycleRefSchema),
  /** Every team, by name; items with no team are reported under teamId null. */
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** For the quarter and team asked for. */
  summary: OutcomeSummarySchema,
  /** Per quarter (start order) for the team asked for, or all teams: the trend. */
  byCycle: z.array(z.object({ cycleId: IdSchema, summary: OutcomeSummarySchema })),
  /** Per team for the quarter asked for, or all quarters; teamId null = no team. */
  byTeam: z.array(z.object({ teamId: IdSchema.nullable(), summary: OutcomeSummarySchema })),
  /** Items matching the query, newest first, at most `limit`. */
  items: z.array(ItemOutcomeSchema),
  /** How many matched before `limit`. */
  itemCount: z.number().int(),
  /** Per team (null = no team), settled history: what calibrated confidence shrinks towards. */
  trackRecords: z.array(z.object({ teamId: IdSchema.nullable(), hits: z.number().int(), judged: z.number().int() })),
});
export type OutcomeReportDto = z.infer<typeof OutcomeReportSchema>;

/** The dashboard's headline: share of shipped work that moved a KR this quarter, and the quarters before. */
export const OutcomeHeadlineSchema = z.object({
  cycleId: IdSchema,
  shipped: z.number().int(),
  judged: z.number().int(),
  hits: z.number().int(),
  hitRate: z.number().nullable(),
  sampleNote: z.string(),
  /** Earlier quarters then this one, in start order. */
  trend: z.array(
    z.object({ cycleId: IdSchema, name: z.string(), judged: z.number().int(), hitRate: z.number().nullable() }),
  ),
  note: z.string(),
});
export type OutcomeHeadline = z.infer<typeof OutcomeHeadlineSchema>;
