// Value score = f(intrinsic, alignment). Multiplicative so the framework's
// scale (RICE in the thousands, ICE up to 30) never matters, and so an
// unaligned item always sits below an equally valuable aligned one.
import { alignmentOf } from './alignment';
import { calibratedEstimates } from './calibration';
import type { ScoringContext } from './context';
import { intrinsicScore } from './intrinsic';
import type { ScoringSettings } from './settings';
import type { AlignmentBreakdown, CombinationBreakdown, ScoreBreakdown, ScoringItem } from './types';

export const ALIGNED_FORMULA = 'intrinsic × (1 + alignmentWeight × alignment)';
export const UNALIGNED_FORMULA = 'intrinsic × unalignedMultiplier';

/**
 * Aligned (≥ 1 live link): multiplier = 1 + alignmentWeight × alignment ≥ 1.
 * Unaligned: multiplier = unalignedMultiplier < 1 (schema-enforced).
 * Intrinsic scores are never negative, so a bigger multiplier never lowers value.
 */
// Every unaligned item shares one frozen combination per settings object.
const unalignedCombinations = new WeakMap<ScoringSettings, CombinationBreakdown>();

function unalignedCombination(settings: ScoringSettings): CombinationBreakdown {
  let combination = unalignedCombinations.get(settings);
  if (!combination) {
    const { alignmentWeight, unalignedMultiplier } = settings.combination;
    combination = Object.freeze({
      formula: UNALIGNED_FORMULA,
      aligned: false,
      alignmentWeight,
      unalignedMultiplier,
      multiplier: unalignedMultiplier,
    });
    unalignedCombinations.set(settings, combination);
  }
  return combination;
}

/** The value score from its parts; the one formula both the breakdown and lean scoring use. */
export function valueFrom(
  intrinsic: number | null,
  aligned: boolean,
  alignment: number,
  settings: ScoringSettings,
): number | null {
  if (intrinsic === null) return null;
  const { alignmentWeight, unalignedMultiplier } = settings.combination;
  return aligned ? intrinsic * (1 + alignmentWeight * alignment) : intrinsic * unalignedMultiplier;
}

export function combineValue(
  intrinsic: number | null,
  alignment: AlignmentBreakdown,
  settings: ScoringSettings,
): { valueScore: number | null; combination: CombinationBreakdown } {
  const { alignmentWeight, unalignedMultiplier } = settings.combination;
  const aligned = alignment.terms.length > 0;
  const valueScore = valueFrom(intrinsic, aligned, alignment.total, settings);
  if (!aligned) return { valueScore, combination: unalignedCombination(settings) };
  const multiplier = 1 + alignmentWeight * alignment.total;
  return {
    valueScore,
    combination: {
      formula: ALIGNED_FORMULA,
      aligned: true,
      alignmentWeight,
      unalignedMultiplier,
      multiplier,
    },
  };
}

/** The absolute part of scoring: a function of this item and the OKR structure only. */
export function evaluateItem(item: ScoringItem, context: ScoringContext): ScoreBreakdown {
  const { item: estimates, calibration } = calibratedEstimates(item, context);
  const intrinsic = intrinsicScore(estimates, context.settings);
  const alignment = alignmentOf(item, context);
  const { valueScore, combination } = combineValue(intrinsic.value, alignment, context.settings);
  return {
    intrinsic,
    alignment,
    combination,
    valueScore,
    statedConfidence: calibration?.statedConfidence ?? null,
    calibratedConfidence: calibration?.calibratedConfidence ?? null,
    calibrationReason: calibration?.calibrationReason ?? null,
  };
}
