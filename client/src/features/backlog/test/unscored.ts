import type { BacklogRow } from '@keyline/shared';

type ScoringPart = Pick<BacklogRow, 'valueScore' | 'intrinsic' | 'alignment' | 'breakdown' | 'flags'>;

/** The scoring part of a backlog row, for tests that do not look at scores: no estimates, no links. */
export const UNSCORED: ScoringPart = {
  valueScore: null,
  intrinsic: null,
  alignment: 0,
  breakdown: {
    intrinsic: {
      framework: 'rice',
      formula: 'reach × impact × confidence ÷ effort',
      inputs: { reach: null, impact: null, confidence: null, effort: null },
      terms: null,
      value: null,
      missing: ['reach', 'impact', 'confidence', 'effort'],
      invalid: [],
    },
    alignment: { formula: 'Σ strength × krShare × objectiveShare × boost', terms: [], ignoredLinks: [], total: 0 },
    combination: { formula: '', aligned: false, alignmentWeight: 0, unalignedMultiplier: 1, multiplier: 1 },
    valueScore: null,
    statedConfidence: null,
    calibratedConfidence: null,
    calibrationReason: null,
  },
  flags: [],
};
