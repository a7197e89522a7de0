import {
  buildScoringContext,
  DEFAULT_SCORING_SETTINGS,
  evaluateItem,
  type ScoringItem,
  type ScoringSettings,
} from '@keyline/shared';
import { describe, expect, it } from 'vitest';
import { previewTop, rescoreItem, type PreviewItem } from './preview';

const structure = {
  cycles: [{ id: 'c1', status: 'active' as const, startsOn: '2026-01-01', endsOn: '2026-03-31' }],
  objectives: [{ id: 'o1', cycleId: 'c1', parentId: null, weight: 1, deleted: false }],
  keyResults: [
    // Behind pace on 15 Feb (halfway) and at low confidence: both boosts apply.
    {
      id: 'k1',
      objectiveId: 'o1',
      weight: 2,
      startValue: 0,
      targetValue: 100,
      currentValue: 10,
      latestConfidence: 2,
      deleted: false,
    },
    {
      id: 'k2',
      objectiveId: 'o1',
      weight: 1,
      startValue: 0,
      targetValue: 10,
      currentValue: 9,
      latestConfidence: 8,
      deleted: false,
    },
  ],
  asOf: '2026-02-15T00:00:00Z',
};

function item(id: string, estimates: Partial<ScoringItem>, links: ScoringItem['links'] = []): ScoringItem {
  return {
    id,
    status: 'ready',
    teamId: null,
    rank: null,
    reach: null,
    impact: null,
    confidence: null,
    effort: null,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    ease: null,
    links,
    ...estimates,
  };
}

/** What the list API sends: the item with its breakdown under today's settings. */
function asListed(scoring: ScoringItem, settings: ScoringSettings): PreviewItem {
  const breakdown = evaluateItem(scoring, buildScoringContext({ ...structure, settings }));
  return { ...scoring, title: scoring.id, valueScore: breakdown.valueScore, breakdown };
}

const items = [
  item(
    'rice-heavy',
    {
      reach: 5000,
      impact: 2,
      confidence: 0.8,
      effort: 2,
      businessValue: 1,
      timeCriticality: 1,
      riskReduction: 1,
      jobSize: 13,
    },
    [{ keyResultId: 'k1', strength: 3 }],
  ),
  item(
    'wsjf-heavy',
    {
      reach: 100,
      impact: 1,
      confidence: 0.5,
      effort: 8,
      businessValue: 20,
      timeCriticality: 13,
      riskReduction: 8,
      jobSize: 2,
    },
    [{ keyResultId: 'k2', strength: 1 }],
  ),
  item('untagged', {
    reach: 800,
    impact: 3,
    confidence: 1,
    effort: 3,
    businessValue: 8,
    timeCriticality: 5,
    riskReduction: 3,
    jobSize: 3,
    ease: 7,
  }),
  item('no-wsjf', { reach: 300, impact: 1, confidence: 1, effort: 1 }),
];

const changed: ScoringSettings[] = [
  { ...DEFAULT_SCORING_SETTINGS, framework: 'wsjf' },
  { ...DEFAULT_SCORING_SETTINGS, framework: 'ice' },
  { ...DEFAULT_SCORING_SETTINGS, alignment: { behindPaceBoost: 3, lowConfidenceBoost: 2, lowConfidenceBelow: 7 } },
  { ...DEFAULT_SCORING_SETTINGS, combination: { alignmentWeight: 4, unalignedMultiplier: 0.2 } },
  {
    ...DEFAULT_SCORING_SETTINGS,
    framework: 'custom',
    customCriteria: [
      { field: 'reach', weight: 0.01 },
      { field: 'businessValue', weight: 2 },
    ],
  },
];

describe('rescoreItem', () => {
  it('matches the engine scoring from scratch, for every kind of settings change', () => {
    for (const settings of changed) {
      for (const scoring of items) {
        const listed = asListed(scoring, DEFAULT_SCORING_SETTINGS);
        const expected = evaluateItem(scoring, buildScoringContext({ ...structure, settings })).valueScore;
        const actual = rescoreItem(listed, settings);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 9);
      }
    }
  });

  it('gives the same score back under unchanged settings, and a different one when the boosts change', () => {
    const listed = asListed(items[0] as ScoringItem, DEFAULT_SCORING_SETTINGS);
    expect(listed.breakdown.alignment.terms[0]?.keyResult.boost).toBeGreaterThan(1);
    expect(rescoreItem(listed, DEFAULT_SCORING_SETTINGS)).toBeCloseTo(listed.valueScore as number, 9);
    expect(rescoreItem(listed, changed[2] as ScoringSettings)).toBeGreaterThan((listed.valueScore as number) * 1.1);
  });
});

describe('previewTop', () => {
  it('shows how today’s order changes when the framework changes, unscorable items last', () => {
    const listed = items
      .map((i) => asListed(i, DEFAULT_SCORING_SETTINGS))
      .sort((a, b) => (b.valueScore ?? 0) - (a.valueScore ?? 0));
    expect(listed.map((i) => i.id)).toEqual(['rice-heavy', 'untagged', 'no-wsjf', 'wsjf-heavy']);
    const preview = previewTop(listed, { ...DEFAULT_SCORING_SETTINGS, framework: 'wsjf' }, 3);
    expect(preview.current.map((r) => [r.id, r.positionBefore, r.positionAfter])).toEqual([
      ['rice-heavy', 1, 3],
      ['untagged', 2, 2],
      ['no-wsjf', 3, null],
    ]);
    expect(preview.next.map((r) => r.id)).toEqual(['wsjf-heavy', 'untagged', 'rice-heavy']);
  });
});

describe('previewing calibrated confidence', () => {
  const records = new Map([[null, { hits: 0, judged: 10 }]]);
  const calibrated: ScoringSettings = {
    ...DEFAULT_SCORING_SETTINGS,
    calibration: { enabled: true, priorStrength: 10 },
  };

  it('matches the engine scoring with the same track records', () => {
    for (const scoring of items) {
      const listed = asListed(scoring, DEFAULT_SCORING_SETTINGS);
      const context = buildScoringContext({ ...structure, settings: calibrated, trackRecords: records });
      const expected = evaluateItem(scoring, context).valueScore;
      const actual = rescoreItem(listed, calibrated, records);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 9);
    }
  });

  it('shows each row’s confidence now and after: (10 × 0.8 + 0) ÷ (10 + 10) = 0.4', () => {
    const listed = items.map((i) => asListed(i, DEFAULT_SCORING_SETTINGS));
    const row = previewTop(listed, calibrated, 5, records).current.find((r) => r.id === 'rice-heavy');
    expect(row?.confidenceBefore).toBe(0.8);
    expect(row?.confidenceAfter).toBeCloseTo(0.4, 12);
    expect(row?.after).toBeCloseTo((row?.before as number) / 2, 9);
  });
});
