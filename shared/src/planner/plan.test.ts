import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SETTINGS } from '../scoring/settings';
import { buildScoringContext } from '../scoring/context';
import { scoreBacklog } from '../scoring/score-backlog';
import type { ScoringItem } from '../scoring/types';
import { byRank, fillCapacity, summarizePlan } from './plan';

const c = (id: string, effort: number | null) => ({ id, effort });

describe('fillCapacity', () => {
  it('takes items in order while they fit, skips one that does not and keeps filling the gap', () => {
    const plan = fillCapacity([c('a', 5), c('b', 8), c('c', 3), c('d', 2), c('e', 1)], 10);
    expect(plan.planned.map((p) => p.id)).toEqual(['a', 'c', 'd']);
    expect(plan.usedEffort).toBe(10);
    // The line falls where b did not fit: a is above it, c and d filled the gap below.
    expect(plan.cut).toEqual({ index: 1, beforeItemId: 'b' });
    expect(plan.belowCut).toEqual(['b', 'e']);
  });

  it('has no cut line when everything fits, and never plans an item without an estimate', () => {
    const plan = fillCapacity([c('a', 2), c('x', null), c('b', 3), c('z', 0)], 100);
    expect(plan.planned.map((p) => p.id)).toEqual(['a', 'b']);
    expect(plan.cut).toBeNull();
    expect(plan.usedEffort).toBe(5);
  });

  it('puts forced items first in the given order, even past capacity, and does not plan them twice', () => {
    const plan = fillCapacity([c('a', 4), c('b', 4), c('f2', 1)], 6, [c('f1', 5), c('f2', 1), c('f1', 5)]);
    expect(plan.planned).toEqual([
      { id: 'f1', forced: true },
      { id: 'f2', forced: true },
    ]);
    expect(plan.usedEffort).toBe(6);
    expect(plan.cut).toEqual({ index: 2, beforeItemId: 'a' });
    const over = fillCapacity([c('a', 1)], 3, [c('big', 5)]);
    expect(over.usedEffort).toBe(5);
    expect(over.planned.map((p) => p.id)).toEqual(['big']);
  });

  it('fits decimal efforts that add up exactly to the capacity', () => {
    expect(fillCapacity([c('a', 0.1), c('b', 0.2)], 0.3).planned).toHaveLength(2);
  });

  it('caps the below-the-line list at ten', () => {
    const many = Array.from({ length: 30 }, (_, i) => c(`i${String(i).padStart(2, '0')}`, 2));
    const plan = fillCapacity(many, 3);
    expect(plan.planned).toHaveLength(1);
    expect(plan.belowCut).toHaveLength(10);
  });
});

describe('byRank', () => {
  it('orders by rank, unranked last, ties by id', () => {
    const items = [
      { id: 'c', rank: null },
      { id: 'b', rank: 2 },
      { id: 'a', rank: 2 },
      { id: 'd', rank: -5 },
    ];
    expect(byRank(items).map((i) => i.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('summarizePlan', () => {
  // Two objectives weighted 3:1, one KR each, plus a third KR nobody works on.
  const structure = {
    cycles: [{ id: 'q', status: 'active' as const, startsOn: '2026-01-01', endsOn: '2026-03-31' }],
    objectives: [
      { id: 'o1', cycleId: 'q', parentId: null, weight: 3, deleted: false },
      { id: 'o2', cycleId: 'q', parentId: null, weight: 1, deleted: false },
    ],
    keyResults: [
      {
        id: 'k1',
        objectiveId: 'o1',
        weight: 1,
        startValue: 0,
        targetValue: 10,
        currentValue: 2,
        latestConfidence: 7,
        deleted: false,
      },
      {
        id: 'k2',
        objectiveId: 'o2',
        weight: 1,
        startValue: 0,
        targetValue: 10,
        currentValue: 2,
        latestConfidence: 7,
        deleted: false,
      },
      {
        id: 'k3',
        objectiveId: 'o2',
        weight: 1,
        startValue: 0,
        targetValue: 10,
        currentValue: 2,
        latestConfidence: 7,
        deleted: false,
      },
      // Achieved: never "left with no work".
      {
        id: 'k4',
        objectiveId: 'o2',
        weight: 1,
        startValue: 0,
        targetValue: 10,
        currentValue: 10,
        latestConfidence: 7,
        deleted: false,
      },
    ],
    settings: DEFAULT_SCORING_SETTINGS,
    asOf: '2026-02-01T00:00:00Z',
  };
  const item = (id: string, effort: number, links: { keyResultId: string; strength: number }[]): ScoringItem => ({
    id,
    status: 'ready',
    teamId: null,
    rank: null,
    reach: 10,
    impact: 1,
    confidence: 1,
    effort,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    ease: null,
    links,
  });

  it('splits effort by link strength, compares it with weight shares, and lists covered and uncovered KRs', () => {
    const items = [
      item('i1', 6, [{ keyResultId: 'k1', strength: 3 }]),
      // 4 points split 3:1 between k1 and k2.
      item('i2', 4, [
        { keyResultId: 'k1', strength: 3 },
        { keyResultId: 'k2', strength: 1 },
      ]),
      item('i3', 10, []),
    ];
    const scored = scoreBacklog({ ...structure, items }).items;
    const summary = summarizePlan(scored, buildScoringContext(structure), 'q');
    expect(summary.coveredKeyResultIds).toEqual(['k1', 'k2']);
    expect(summary.uncoveredKeyResultIds).toEqual(['k3']);
    expect(summary.misalignedEffort).toBe(10);
    expect(summary.misalignedEffortShare).toBeCloseTo(0.5);
    const o1 = summary.objectives.find((o) => o.objectiveId === 'o1');
    const o2 = summary.objectives.find((o) => o.objectiveId === 'o2');
    expect(o1).toMatchObject({ weightShare: 0.75, effort: 9 });
    expect(o1?.effortShare).toBeCloseTo(0.45);
    expect(o2).toMatchObject({ weightShare: 0.25, effort: 1 });
    expect(o2?.effortShare).toBeCloseTo(0.05);
  });

  it('reads an empty plan as no effort and every live KR uncovered', () => {
    const summary = summarizePlan([], buildScoringContext(structure), 'q');
    expect(summary.misalignedEffortShare).toBeNull();
    expect(summary.uncoveredKeyResultIds).toEqual(['k1', 'k2', 'k3']);
    expect(summary.objectives.every((o) => o.effortShare === null)).toBe(true);
  });

  it('counts links to a cycle still in planning, which alignment ignores', () => {
    const planning = { ...structure, cycles: [{ ...structure.cycles[0]!, status: 'planning' as const }] };
    const scored = scoreBacklog({ ...planning, items: [item('i1', 5, [{ keyResultId: 'k2', strength: 2 }])] }).items;
    const summary = summarizePlan(scored, buildScoringContext(planning), 'q');
    expect(summary.coveredKeyResultIds).toEqual(['k2']);
    expect(summary.misalignedEffort).toBe(0);
  });
});
