import {
  combineValue,
  DEFAULT_SCORING_SETTINGS,
  intrinsicScore,
  type AlignmentBreakdown,
  type EstimateField,
  type KrWeighting,
  type ScoreBreakdown,
  type ScoringSettings,
} from '@keyline/shared';
import { describe, expect, it } from 'vitest';
import { breakdownToText, describeBreakdown, describeIntrinsic, isScoreBreakdown } from './breakdown-sentences';

const NO_ESTIMATES: Record<EstimateField, number | null> = {
  reach: null,
  impact: null,
  confidence: null,
  effort: null,
  businessValue: null,
  timeCriticality: null,
  riskReduction: null,
  jobSize: null,
  ease: null,
};

const weighting = (overrides: Partial<KrWeighting> = {}): KrWeighting => ({
  keyResultId: 'kr-1',
  objectiveId: 'o-1',
  cycleId: 'c-1',
  level: 0,
  krWeight: 2,
  krWeightSum: 3,
  krShare: 2 / 3,
  objectiveWeight: 1,
  objectiveWeightSum: 2,
  objectiveShare: 0.5,
  progress: 0.3,
  expectedProgress: 0.55,
  paceShortfall: 0.25,
  confidence: 7,
  confidenceShortfall: 0,
  boost: 1.25,
  ...overrides,
});

/** A breakdown built by the real engine functions, with hand-made KR weightings. */
function breakdownOf(
  estimates: Partial<Record<EstimateField, number | null>>,
  links: KrWeighting[],
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): ScoreBreakdown {
  const intrinsic = intrinsicScore({ ...NO_ESTIMATES, ...estimates }, settings);
  const terms = links.map((w) => ({
    keyResultId: w.keyResultId,
    strength: 2,
    keyResult: w,
    term: 2 * w.krShare * w.objectiveShare * w.boost,
  }));
  const alignment: AlignmentBreakdown = {
    formula: '',
    terms,
    ignoredLinks: [],
    total: terms.reduce((s, t) => s + t.term, 0),
  };
  const { valueScore, combination } = combineValue(intrinsic.value, alignment, settings);
  return {
    intrinsic,
    alignment,
    combination,
    valueScore,
    statedConfidence: null,
    calibratedConfidence: null,
    calibrationReason: null,
  };
}

const titles: Record<string, string> = { 'kr-1': 'Trial-to-paid', 'kr-2': 'Churn below 2%' };
const krTitle = (id: string) => titles[id];

describe('describeBreakdown', () => {
  it('spells out a RICE score, its alignment term by term and how they combine', () => {
    const b = breakdownOf({ reach: 4000, impact: 2, confidence: 0.8, effort: 2.7 }, [weighting()]);
    const s = describeBreakdown(b, krTitle);
    expect(s.intrinsic).toBe('RICE 2,370 = 4,000 reach × 2 impact × 0.8 confidence ÷ 2.7 effort');
    expect(s.alignment).toBe('alignment 0.83');
    expect(s.alignmentTerms).toEqual([
      'KR “Trial-to-paid”: strength 2 × KR share 0.67 × objective share 0.5 × behind-pace boost 1.25 = 0.83',
    ]);
    expect(s.value).toBe('value = 2,370 × (1 + 0.83) = 4,346');
  });

  it('leaves out a boost of 1 and names a low-confidence boost as such', () => {
    const plain = describeBreakdown(
      breakdownOf({ reach: 10, impact: 1, confidence: 1, effort: 1 }, [weighting({ boost: 1, paceShortfall: 0 })]),
      krTitle,
    );
    expect(plain.alignmentTerms[0]).toBe('KR “Trial-to-paid”: strength 2 × KR share 0.67 × objective share 0.5 = 0.67');
    const lowConfidence = breakdownOf({ reach: 10, impact: 1, confidence: 1, effort: 1 }, [
      weighting({ keyResultId: 'kr-2', paceShortfall: 0, confidenceShortfall: 0.4, boost: 1.2 }),
    ]);
    expect(describeBreakdown(lowConfidence, krTitle).alignmentTerms[0]).toContain('KR “Churn below 2%”:');
    expect(describeBreakdown(lowConfidence, krTitle).alignmentTerms[0]).toContain('low-confidence boost 1.2');
  });

  it('explains the penalty on an item with no key result', () => {
    const s = describeBreakdown(
      breakdownOf({ impact: 3, confidence: 0.5, ease: 8 }, [], { ...DEFAULT_SCORING_SETTINGS, framework: 'ice' }),
      krTitle,
    );
    expect(s.intrinsic).toBe('ICE 12 = 3 impact × 0.5 confidence × 8 ease');
    expect(s.alignment).toBe('alignment 0: not linked to a key result of the active cycle');
    expect(s.value).toBe('value = 12 × 0.5 for no key result = 6');
  });

  it('shows the alignment weight when it is not 1, and WSJF with its sum', () => {
    const settings = {
      ...DEFAULT_SCORING_SETTINGS,
      framework: 'wsjf' as const,
      combination: { alignmentWeight: 2, unalignedMultiplier: 0.5 },
    };
    const b = breakdownOf(
      { businessValue: 5, timeCriticality: 1, riskReduction: 8, jobSize: 20 },
      [weighting({ boost: 1 })],
      settings,
    );
    const s = describeBreakdown(b, krTitle);
    expect(s.intrinsic).toBe('WSJF 0.7 = (5 business value + 1 time criticality + 8 risk reduction) ÷ 20 job size');
    expect(s.value).toBe('value = 0.7 × (1 + 2 × 0.67) = 1.63');
  });

  it('names what is missing or out of range when an item cannot be scored', () => {
    const b = breakdownOf({ impact: 2, confidence: 0.8 }, []);
    expect(describeIntrinsic(b.intrinsic)).toBe('RICE: not scorable, missing reach and effort');
    expect(describeBreakdown(b, krTitle).value).toBe('value: not scorable until the estimates above are complete');
    const invalid = intrinsicScore(
      { ...NO_ESTIMATES, reach: 5, impact: 2, confidence: 1.5, effort: 1 },
      DEFAULT_SCORING_SETTINGS,
    );
    expect(describeIntrinsic(invalid)).toBe('RICE: not scorable, confidence 1.5 is out of range (0–1)');
  });

  it('lists each custom criterion with its weight', () => {
    const settings: ScoringSettings = {
      ...DEFAULT_SCORING_SETTINGS,
      framework: 'custom',
      customCriteria: [
        { field: 'reach', weight: 0.5 },
        { field: 'ease', weight: 2 },
      ],
    };
    const b = breakdownOf({ reach: 100, ease: 4 }, [], settings);
    expect(describeIntrinsic(b.intrinsic)).toBe('Custom score 58 = 0.5 × 100 reach + 2 × 4 ease');
  });

  it('says why a link counts for nothing', () => {
    const b = breakdownOf({ reach: 10, impact: 1, confidence: 1, effort: 1 }, []);
    const withIgnored = {
      ...b,
      alignment: { ...b.alignment, ignoredLinks: [{ keyResultId: 'kr-2', strength: 3, reason: 'achieved' as const }] },
    };
    expect(describeBreakdown(withIgnored, krTitle).ignoredLinks).toEqual([
      'KR “Churn below 2%” counts for nothing: the key result is already achieved',
    ]);
    expect(breakdownToText(withIgnored, () => undefined)).toContain('KR (not found) counts for nothing');
  });
});

describe('isScoreBreakdown', () => {
  it('accepts an engine breakdown and refuses anything partial', () => {
    expect(isScoreBreakdown(breakdownOf({ reach: 1, impact: 1, confidence: 1, effort: 1 }, []))).toBe(true);
    expect(isScoreBreakdown(null)).toBe(false);
    expect(isScoreBreakdown({ intrinsic: {} })).toBe(false);
    expect(isScoreBreakdown('RICE 12')).toBe(false);
  });
});
