// Workspace scoring settings: one zod schema is the single definition used by
// the server (validate), the client (forms) and the engine (types).
import { z } from 'zod';
import { ESTIMATE_FIELDS } from './estimate-fields';

export const SCORING_FRAMEWORKS = ['rice', 'wsjf', 'ice', 'custom'] as const;
export const ScoringFrameworkSchema = z.enum(SCORING_FRAMEWORKS);
export type ScoringFramework = z.infer<typeof ScoringFrameworkSchema>;

export const CustomCriterionSchema = z.strictObject({
  field: z.enum(ESTIMATE_FIELDS),
  // Non-negative so the intrinsic score is never negative; otherwise a
  // larger alignment multiplier would push an aligned item *down*.
  weight: z.number().min(0).max(1000),
});
export type CustomCriterion = z.infer<typeof CustomCriterionSchema>;

export const ScoringSettingsSchema = z
  .strictObject({
    framework: ScoringFrameworkSchema,
    /** Used only when framework is 'custom'; kept otherwise so switching back is lossless. */
    customCriteria: z.array(CustomCriterionSchema).max(ESTIMATE_FIELDS.length),
    alignment: z.strictObject({
      /** Boost per unit of pace shortfall (expected − actual progress). */
      behindPaceBoost: z.number().min(0).max(10),
      /** Boost at confidence 0, fading linearly to none at lowConfidenceBelow. */
      lowConfidenceBoost: z.number().min(0).max(10),
      lowConfidenceBelow: z.number().gt(0).max(10),
    }),
    combination: z.strictObject({
      /** value = intrinsic × (1 + alignmentWeight × alignment) for aligned items. */
      alignmentWeight: z.number().min(0).max(100),
      /** value = intrinsic × unalignedMultiplier for items with no live link; < 1 so they rank below aligned peers. */
      unalignedMultiplier: z.number().gt(0).lt(1),
    }),
    itemFlags: z.strictObject({
      /** Quartiles of fewer open items are noise: below this, LOW_VALUE_HIGH_EFFORT is off. */
      lowValueHighEffortMinItems: z.number().int().min(4).max(1_000_000),
      rankInversionMinPositions: z.number().int().min(1).max(1_000_000),
      rankInversionValueFactor: z.number().min(1).max(1000),
    }),
    krFlags: z.strictObject({
      /** A KR is behind pace when expected − progress exceeds this. */
      behindPaceTolerance: z.number().min(0).max(1),
      /** A KR is at risk when its latest confidence is at most this. */
      atRiskConfidence: z.number().min(0).max(10),
      /** Effort share must differ from weight share by this factor (either way)… */
      effortMismatchRatio: z.number().min(1).max(100),
      /** …and by at least this many share points, so tiny KRs do not flap. */
      effortMismatchMinGap: z.number().min(0).max(1),
    }),
    /**
     * Opt-in: confidence shrunk toward the team's observed hit rate
     * (docs/OUTCOMES.md section 6). Defaulted so settings stored before it
     * existed still parse.
     */
    calibration: z
      .strictObject({
        enabled: z.boolean(),
        /** How many items of history the stated confidence counts as. */
        priorStrength: z.number().min(0).max(1000),
      })
      .default({ enabled: false, priorStrength: 10 }),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.customCriteria.forEach((criterion, index) => {
      if (seen.has(criterion.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customCriteria', index, 'field'],
          message: `Criterion "${criterion.field}" is listed twice.`,
        });
      }
      seen.add(criterion.field);
    });
    if (settings.framework === 'custom' && !settings.customCriteria.some((c) => c.weight > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customCriteria'],
        message: 'The custom framework needs at least one criterion with a weight above 0.',
      });
    }
  });

export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

// Frozen so a caller mutating "its" settings cannot change everyone's defaults.
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = deepFreeze({
  framework: 'rice',
  customCriteria: [],
  alignment: { behindPaceBoost: 1, lowConfidenceBoost: 0.5, lowConfidenceBelow: 5 },
  combination: { alignmentWeight: 1, unalignedMultiplier: 0.5 },
  itemFlags: {
    lowValueHighEffortMinItems: 8,
    rankInversionMinPositions: 10,
    rankInversionValueFactor: 2,
  },
  krFlags: {
    behindPaceTolerance: 0.1,
    atRiskConfidence: 4,
    effortMismatchRatio: 2,
    effortMismatchMinGap: 0.05,
  },
  calibration: { enabled: false, priorStrength: 10 },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
