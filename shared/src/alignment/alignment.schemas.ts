import { z } from 'zod';
import { IdSchema } from '../common/primitives';

export const AlignmentQuerySchema = z.strictObject({
  /** Defaults to the active cycle. */
  cycleId: IdSchema.optional(),
  teamId: IdSchema.optional(),
});
export type AlignmentQuery = z.infer<typeof AlignmentQuerySchema>;

export const SuggestedLinkSchema = z.object({
  keyResultId: IdSchema,
  title: z.string(),
  objectiveId: IdSchema,
  objectiveTitle: z.string(),
  /** BM25 similarity; higher is closer. */
  score: z.number(),
  /** Words the item and the KR share, to say why. */
  matched: z.array(z.string()),
});
export type SuggestedLink = z.infer<typeof SuggestedLinkSchema>;

/**
 * An objective's share of open (or planned) effort next to its weight share:
 * the same shape on the alignment view, the dashboard and both planner columns.
 */
export const ObjectiveEffortShareSchema = z.object({
  objectiveId: IdSchema,
  title: z.string(),
  parentId: IdSchema.nullable(),
  level: z.number().int(),
  /** Objective weight ÷ Σ weights of the cycle's objectives at its level. */
  weightShare: z.number(),
  /** Effort serving it (split by link strength; rolled up to parents). */
  effort: z.number(),
  /** effort ÷ all the effort counted; null when there is none. */
  effortShare: z.number().nullable(),
});
export type ObjectiveEffortShareDto = z.infer<typeof ObjectiveEffortShareSchema>;

/** One open item on the value × effort chart. */
export const AlignmentPointSchema = z.object({
  id: IdSchema,
  title: z.string(),
  valueScore: z.number(),
  effort: z.number(),
  aligned: z.boolean(),
  flags: z.array(z.string()),
});
export type AlignmentPoint = z.infer<typeof AlignmentPointSchema>;

export const AlignmentReportSchema = z.object({
  cycle: z
    .object({ id: IdSchema, name: z.string(), status: z.string(), startsOn: z.string(), endsOn: z.string() })
    .nullable(),
  teamId: IdSchema.nullable(),
  asOf: z.string(),
  headline: z
    .object({
      openEffort: z.number(),
      misalignedEffort: z.number(),
      misalignedEffortShare: z.number().nullable(),
      openItemsWithoutEffort: z.number(),
      krCoverage: z.object({ covered: z.number(), total: z.number(), share: z.number().nullable() }),
    })
    .nullable(),
  objectives: z.array(ObjectiveEffortShareSchema),
  keyResultFlags: z.array(
    z.object({ keyResultId: IdSchema, title: z.string(), code: z.string(), message: z.string() }),
  ),
  /** Open items carrying each flag. */
  flagCounts: z.record(z.string(), z.number()),
  flaggedItems: z.number(),
  openItems: z.number(),
  /** Up to POINTS_LIMIT open scorable items with an effort, highest value first. */
  points: z.array(AlignmentPointSchema),
  pointsTotal: z.number(),
});
export type AlignmentReport = z.infer<typeof AlignmentReportSchema>;

export const ALIGNMENT_POINTS_LIMIT = 2000;
