import { z } from 'zod';
import { ObjectiveEffortShareSchema } from '../alignment/alignment.schemas';
import { IdSchema } from '../common/primitives';

/** A comma-separated id list in a query string (`include=a,b`). */
const IdListSchema = z
  .string()
  .max(20_000)
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(z.array(IdSchema).max(500, 'At most 500 ids'));

/**
 * `GET /api/planner`: nothing is written. Capacity is in the same effort
 * units as the items' effort estimates (points, days…).
 */
export const PlannerQuerySchema = z.strictObject({
  /** Defaults to the active cycle. */
  cycleId: IdSchema.optional(),
  /** Only this team's items; everyone's when absent. */
  teamId: IdSchema.optional(),
  /** Defaults to 0 (an empty plan: every live KR uncovered), so the bare URL still answers. */
  capacity: z.coerce.number({ message: 'Must be a number' }).min(0, 'At least 0').max(1e9, 'Too large').default(0),
  /** Forced into both plans, at the top, in this order (even past capacity). */
  include: IdListSchema.optional(),
  /** Kept out of both plans. */
  exclude: IdListSchema.optional(),
});
export type PlannerQuery = z.infer<typeof PlannerQuerySchema>;

export const PlanRowSchema = z.object({
  id: IdSchema,
  title: z.string(),
  effort: z.number(),
  /** null = not scorable. */
  valueScore: z.number().nullable(),
  /** Manual rank (lower comes first). */
  rank: z.number(),
  /** Put in by `include`, not by the fill. */
  forced: z.boolean(),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

/** Planned effort per objective against its weight; effortShare = effort ÷ used effort (null when the plan is empty). */
export const PlanObjectiveSchema = ObjectiveEffortShareSchema;
export type PlanObjective = z.infer<typeof PlanObjectiveSchema>;

export const PlanKeyResultSchema = z.object({ keyResultId: IdSchema, title: z.string(), objectiveId: IdSchema });
export type PlanKeyResult = z.infer<typeof PlanKeyResultSchema>;

export const PlanSchema = z.object({
  /** In plan order: forced items first, then the fill. */
  items: z.array(PlanRowSchema),
  /**
   * The cut line: the fill took every item in order until `beforeItemId`
   * (the first that did not fit); `index` = how many of `items` sit above the
   * line. Items after it in `items` are smaller ones that still fitted the
   * gap. Null when everything fitted.
   */
  cutLine: z.object({ index: z.number().int(), beforeItemId: IdSchema }).nullable(),
  /** The first (up to 10) items in order that did not fit, for showing below the line. */
  belowCut: z.array(PlanRowSchema),
  capacity: z.number(),
  usedEffort: z.number(),
  /** capacity − usedEffort; negative when forced items overflow. */
  remainingCapacity: z.number(),
  objectives: z.array(PlanObjectiveSchema),
  /** Live KRs of the cycle that at least one planned item serves. */
  coveredKeyResults: z.array(PlanKeyResultSchema),
  /** Live KRs of the cycle no planned item serves. */
  uncoveredKeyResults: z.array(PlanKeyResultSchema),
  /** Planned effort with no link to a live KR of the cycle. */
  misalignedEffort: z.number(),
  /** misalignedEffort ÷ usedEffort; null when the plan is empty. */
  misalignedEffortShare: z.number().nullable(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlannerResultSchema = z.object({
  cycle: z
    .object({ id: IdSchema, name: z.string(), status: z.string(), startsOn: z.string(), endsOn: z.string() })
    .nullable(),
  teamId: IdSchema.nullable(),
  capacity: z.number(),
  asOf: z.string(),
  /** Filled greedily in value-score order (unscorable items last). */
  byValue: PlanSchema,
  /** Filled greedily in the current manual rank order. */
  byRank: PlanSchema,
  /** Open items with no effort estimate: never planned until estimated. Value order, up to 100. */
  needsEstimate: z.array(PlanRowSchema.omit({ effort: true })),
  needsEstimateTotal: z.number().int(),
  /** include/exclude ids that are not open backlog items in scope (ignored). */
  ignoredIds: z.array(IdSchema),
});
export type PlannerResult = z.infer<typeof PlannerResultSchema>;

/** `POST /api/planner/apply`: these items move to the top of the backlog in this order; nothing else moves. */
export const ApplyPlanSchema = z.strictObject({
  itemIds: z
    .array(IdSchema)
    .min(1, 'Pick at least one item')
    .max(1000, 'At most 1,000 items')
    .refine((ids) => new Set(ids).size === ids.length, 'Each item may be listed once'),
});
export type ApplyPlanInput = z.infer<typeof ApplyPlanSchema>;

export const ApplyPlanResultSchema = z.object({
  items: z.array(z.object({ id: IdSchema, rank: z.number(), version: z.number().int() })),
});
export type ApplyPlanResult = z.infer<typeof ApplyPlanResultSchema>;
