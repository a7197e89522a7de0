// The engine's output that travels over the wire: flags and the score's
// breakdown. Each shape is declared once, as a zod schema; the engine's types
// (types.ts) are inferred from these, and the API's item schema embeds them.
import { z } from 'zod';
import { ESTIMATE_FIELDS } from './estimate-fields';
import { ScoringFrameworkSchema } from './settings';

/** Flags the scoring engine raises on open items (docs/SCORING.md). */
export const ITEM_FLAG_CODES = [
  'UNALIGNED',
  'STALE_ALIGNMENT',
  'LOW_VALUE_HIGH_EFFORT',
  'NOT_SCORABLE',
  'RANK_INVERSION',
] as const;
export const ItemFlagCodeSchema = z.enum(ITEM_FLAG_CODES);
export type ItemFlagCode = z.infer<typeof ItemFlagCodeSchema>;

export const ItemFlagSchema = z.object({
  code: ItemFlagCodeSchema,
  message: z.string(),
  /** RANK_INVERSION: the more valuable item ranked below this one. */
  relatedItemId: z.string().optional(),
});
export type ItemFlag = z.infer<typeof ItemFlagSchema>;

/** Flags on key results (docs/SCORING.md). */
export const KR_FLAG_CODES = ['NO_WORK', 'EFFORT_MISMATCH'] as const;
export const KrFlagCodeSchema = z.enum(KR_FLAG_CODES);
export type KrFlagCode = z.infer<typeof KrFlagCodeSchema>;

export const KrFlagSchema = z.object({ keyResultId: z.string(), code: KrFlagCodeSchema, message: z.string() });
export type KrFlag = z.infer<typeof KrFlagSchema>;

export const EstimateFieldSchema = z.enum(ESTIMATE_FIELDS);

export const IntrinsicTermSchema = z.object({
  field: EstimateFieldSchema,
  weight: z.number(),
  value: z.number().nullable(),
  contribution: z.number().nullable(),
});
export type IntrinsicTerm = z.infer<typeof IntrinsicTermSchema>;

export const IntrinsicBreakdownSchema = z.object({
  framework: ScoringFrameworkSchema,
  /** Symbolic formula, e.g. 'reach × impact × confidence ÷ effort'. */
  formula: z.string(),
  /** Every estimate field the framework reads, with the item's value. */
  inputs: z.partialRecord(EstimateFieldSchema, z.number().nullable()),
  /** Custom framework only: one term per criterion. */
  terms: z.array(IntrinsicTermSchema).nullable(),
  value: z.number().nullable(),
  missing: z.array(EstimateFieldSchema).readonly(),
  invalid: z.array(EstimateFieldSchema).readonly(),
});
export type IntrinsicBreakdown = z.infer<typeof IntrinsicBreakdownSchema>;

/**
 * Everything about one key result that an alignment term uses. Computed once
 * per KR and shared by every link to it (treat as read-only).
 */
export const KrWeightingSchema = z.object({
  keyResultId: z.string(),
  objectiveId: z.string(),
  cycleId: z.string(),
  /** Depth of the objective in its cycle's tree: 0 = top level. */
  level: z.number(),
  krWeight: z.number(),
  krWeightSum: z.number(),
  krShare: z.number(),
  objectiveWeight: z.number(),
  objectiveWeightSum: z.number(),
  objectiveShare: z.number(),
  /** KR progress clamped to [0, 1]; null when it cannot be computed. */
  progress: z.number().nullable(),
  expectedProgress: z.number().nullable(),
  /** max(0, expected − progress): how far behind pace, 0 when unknown. */
  paceShortfall: z.number(),
  confidence: z.number().nullable(),
  /** max(0, (lowConfidenceBelow − confidence) ÷ lowConfidenceBelow), 0 when unknown. */
  confidenceShortfall: z.number(),
  /** 1 + behindPaceBoost × paceShortfall + lowConfidenceBoost × confidenceShortfall. */
  boost: z.number(),
});
export type KrWeighting = z.infer<typeof KrWeightingSchema>;

export const AlignmentTermSchema = z.object({
  keyResultId: z.string(),
  strength: z.number(),
  keyResult: KrWeightingSchema,
  /** strength × krShare × objectiveShare × boost */
  term: z.number(),
});
export type AlignmentTerm = z.infer<typeof AlignmentTermSchema>;

export const IGNORED_LINK_REASONS = [
  'unknown-key-result',
  'deleted-key-result',
  'deleted-objective',
  'unknown-cycle',
  'closed-cycle',
  'achieved',
  'inactive-cycle',
] as const;
export const IgnoredLinkReasonSchema = z.enum(IGNORED_LINK_REASONS);
export type IgnoredLinkReason = z.infer<typeof IgnoredLinkReasonSchema>;

export const IgnoredLinkSchema = z.object({
  keyResultId: z.string(),
  strength: z.number(),
  reason: IgnoredLinkReasonSchema,
});
export type IgnoredLink = z.infer<typeof IgnoredLinkSchema>;

export const AlignmentBreakdownSchema = z.object({
  formula: z.string(),
  terms: z.array(AlignmentTermSchema).readonly(),
  ignoredLinks: z.array(IgnoredLinkSchema).readonly(),
  total: z.number(),
});
export type AlignmentBreakdown = z.infer<typeof AlignmentBreakdownSchema>;

export const CombinationBreakdownSchema = z.object({
  formula: z.string(),
  aligned: z.boolean(),
  alignmentWeight: z.number(),
  unalignedMultiplier: z.number(),
  multiplier: z.number(),
});
export type CombinationBreakdown = z.infer<typeof CombinationBreakdownSchema>;

/** Every term of an item's value score: what the UI explains, number for number. */
export const ScoreBreakdownSchema = z.object({
  intrinsic: IntrinsicBreakdownSchema,
  alignment: AlignmentBreakdownSchema,
  combination: CombinationBreakdownSchema,
  valueScore: z.number().nullable(),
  /**
   * Calibrated confidence (docs/SCORING.md): the confidence the item stated
   * and the one the framework read instead, with why. Null when calibration
   * is off or the framework does not read confidence.
   */
  statedConfidence: z.number().nullable(),
  calibratedConfidence: z.number().nullable(),
  calibrationReason: z.string().nullable(),
});
export type ScoreBreakdown = z.infer<typeof ScoreBreakdownSchema>;
