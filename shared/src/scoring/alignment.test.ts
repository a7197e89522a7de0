import { describe, expect, it } from 'vitest';
import { alignmentOf } from './alignment';
import { buildScoringContext } from './context';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { buildCycle, buildKeyResult, buildObjective, withSettings } from './test-factories';
import type { ScoringCycle, ScoringKeyResult, ScoringLink, ScoringObjective } from './types';

function contextOf(
  parts: { keyResults: ScoringKeyResult[]; objectives: ScoringObjective[]; cycles?: ScoringCycle[] },
  settings = DEFAULT_SCORING_SETTINGS,
) {
  return buildScoringContext({
    cycles: parts.cycles ?? [buildCycle({ id: 'q3' })],
    objectives: parts.objectives,
    keyResults: parts.keyResults,
    settings,
    asOf: '2025-07-01T00:00:00Z', // day one: expected progress 0, so no pace boost
  });
}

const link = (keyResultId: string, strength = 1): ScoringLink => ({ keyResultId, strength });

describe('alignmentOf: shares', () => {
  it('KR share = KR weight ÷ Σ weights of live KRs of its objective', () => {
    const context = contextOf({
      objectives: [buildObjective({ id: 'o', cycleId: 'q3' })],
      keyResults: [
        buildKeyResult({ id: 'a', objectiveId: 'o', weight: 1 }),
        buildKeyResult({ id: 'b', objectiveId: 'o', weight: 3 }),
        buildKeyResult({ id: 'gone', objectiveId: 'o', weight: 100, deleted: true }),
      ],
    });
    const result = alignmentOf({ links: [link('a', 2)] }, context);
    expect(result.terms[0]?.keyResult.krShare).toBe(0.25);
    expect(result.total).toBe(0.5); // 2 × 0.25 × 1 × 1
  });

  it('objective share is among live objectives of the same cycle at the same tree depth', () => {
    const context = contextOf({
      cycles: [
        buildCycle({ id: 'q3' }),
        buildCycle({ id: 'q4', status: 'planning', startsOn: '2025-10-01', endsOn: '2025-12-31' }),
      ],
      objectives: [
        buildObjective({ id: 'company-1', cycleId: 'q3', weight: 1 }),
        buildObjective({ id: 'company-2', cycleId: 'q3', weight: 1 }),
        buildObjective({ id: 'company-deleted', cycleId: 'q3', weight: 8, deleted: true }),
        buildObjective({ id: 'next-quarter', cycleId: 'q4', weight: 8 }),
        // Team objectives under different parents still share one level.
        buildObjective({ id: 'team-a', cycleId: 'q3', parentId: 'company-1', weight: 1 }),
        buildObjective({ id: 'team-b', cycleId: 'q3', parentId: 'company-2', weight: 3 }),
      ],
      keyResults: [
        buildKeyResult({ id: 'kc', objectiveId: 'company-1' }),
        buildKeyResult({ id: 'ka', objectiveId: 'team-a' }),
        buildKeyResult({ id: 'kb', objectiveId: 'team-b' }),
      ],
    });
    const shares = Object.fromEntries(
      alignmentOf({ links: [link('kc'), link('ka'), link('kb')] }, context).terms.map((t) => [
        t.keyResultId,
        [t.keyResult.level, t.keyResult.objectiveShare],
      ]),
    );
    expect(shares).toEqual({ kc: [0, 0.5], ka: [1, 0.25], kb: [1, 0.75] });
  });

  it('splits equally when every weight in a group is 0', () => {
    const context = contextOf({
      objectives: [
        buildObjective({ id: 'o1', cycleId: 'q3', weight: 0 }),
        buildObjective({ id: 'o2', cycleId: 'q3', weight: 0 }),
      ],
      keyResults: [
        buildKeyResult({ id: 'a', objectiveId: 'o1', weight: 0 }),
        buildKeyResult({ id: 'b', objectiveId: 'o1', weight: 0 }),
      ],
    });
    const [term] = alignmentOf({ links: [link('a', 3)] }, context).terms;
    expect(term?.keyResult).toMatchObject({ krShare: 0.5, objectiveShare: 0.5 });
    expect(term?.term).toBe(0.75);
  });
});

describe('alignmentOf: boosts', () => {
  const structure = {
    cycles: [buildCycle({ id: 'q3', startsOn: '2025-07-01', endsOn: '2025-09-30' })],
    objectives: [buildObjective({ id: 'o', cycleId: 'q3' })],
  };
  const boostOf = (kr: Partial<ScoringKeyResult>, settings = DEFAULT_SCORING_SETTINGS) => {
    const context = buildScoringContext({
      ...structure,
      keyResults: [buildKeyResult({ id: 'k', objectiveId: 'o', ...kr })],
      settings,
      asOf: '2025-08-16T00:00:00Z', // expected progress 0.5
    });
    return alignmentOf({ links: [link('k')] }, context).terms[0]?.keyResult.boost;
  };

  it('raises a KR behind pace by behindPaceBoost × shortfall', () => {
    expect(boostOf({ currentValue: 10 })).toBeCloseTo(1.4, 12); // 1 + 1 × (0.5 − 0.1)
    expect(boostOf({ currentValue: 10 }, withSettings({ alignment: { behindPaceBoost: 2 } }))).toBeCloseTo(1.8, 12);
  });

  it('does not raise a KR at or ahead of pace, or with no current value', () => {
    expect(boostOf({ currentValue: 50 })).toBe(1);
    expect(boostOf({ currentValue: 90 })).toBe(1);
    expect(boostOf({ currentValue: null })).toBe(1);
  });

  it('uses progress clamped to [0, 1]: a KR below its start counts as 0% done', () => {
    expect(boostOf({ startValue: 40, targetValue: 10, currentValue: 55 })).toBe(1.5); // 1 + (0.5 − 0)
  });

  it('raises a low-confidence KR, linearly to lowConfidenceBoost at confidence 0', () => {
    expect(boostOf({ currentValue: 50, latestConfidence: 0 })).toBe(1.5);
    expect(boostOf({ currentValue: 50, latestConfidence: 2.5 })).toBe(1.25);
    expect(boostOf({ currentValue: 50, latestConfidence: 5 })).toBe(1);
    expect(boostOf({ currentValue: 50, latestConfidence: 9 })).toBe(1);
    expect(boostOf({ currentValue: 50, latestConfidence: null })).toBe(1);
  });
});

describe('alignmentOf: which links count', () => {
  const context = buildScoringContext({
    cycles: [
      buildCycle({ id: 'q3' }),
      buildCycle({ id: 'q2', status: 'closed', startsOn: '2025-04-01', endsOn: '2025-06-30' }),
      buildCycle({ id: 'q4', status: 'planning', startsOn: '2025-10-01', endsOn: '2025-12-31' }),
    ],
    objectives: [
      buildObjective({ id: 'o', cycleId: 'q3' }),
      buildObjective({ id: 'o-deleted', cycleId: 'q3', deleted: true }),
      buildObjective({ id: 'o-old', cycleId: 'q2' }),
      buildObjective({ id: 'o-next', cycleId: 'q4' }),
      buildObjective({ id: 'o-orphan', cycleId: 'no-such-cycle' }),
    ],
    keyResults: [
      buildKeyResult({ id: 'live', objectiveId: 'o' }),
      buildKeyResult({ id: 'achieved', objectiveId: 'o', currentValue: 100 }),
      buildKeyResult({ id: 'deleted', objectiveId: 'o', deleted: true }),
      buildKeyResult({ id: 'under-deleted', objectiveId: 'o-deleted' }),
      buildKeyResult({ id: 'old', objectiveId: 'o-old' }),
      buildKeyResult({ id: 'next', objectiveId: 'o-next' }),
      buildKeyResult({ id: 'orphan', objectiveId: 'o-orphan' }),
    ],
    settings: DEFAULT_SCORING_SETTINGS,
    asOf: '2025-08-01',
  });

  it('counts only live KRs and says why every other link was ignored', () => {
    const ids = ['live', 'achieved', 'deleted', 'under-deleted', 'old', 'next', 'orphan', 'missing'];
    const result = alignmentOf({ links: ids.map((id) => link(id)) }, context);
    expect(result.terms.map((t) => t.keyResultId)).toEqual(['live']);
    expect(Object.fromEntries(result.ignoredLinks.map((l) => [l.keyResultId, l.reason]))).toEqual({
      achieved: 'achieved',
      deleted: 'deleted-key-result',
      'under-deleted': 'deleted-objective',
      old: 'closed-cycle',
      next: 'inactive-cycle',
      orphan: 'unknown-cycle',
      missing: 'unknown-key-result',
    });
  });

  it('collapses duplicate links to the strongest and ignores link order', () => {
    const forward = alignmentOf({ links: [link('live', 1), link('next', 2), link('live', 3)] }, context);
    const backward = alignmentOf({ links: [link('live', 3), link('live', 1), link('next', 2)] }, context);
    expect(forward).toEqual(backward);
    expect(forward.terms).toHaveLength(1);
    expect(forward.terms[0]?.strength).toBe(3);
  });

  it('clamps out-of-range strength so scores stay finite', () => {
    expect(alignmentOf({ links: [link('live', 99)] }, context).terms[0]?.strength).toBe(3);
    expect(alignmentOf({ links: [link('live', Number.NaN)] }, context).terms[0]?.strength).toBe(1);
  });

  it('an item with no links has zero alignment', () => {
    expect(alignmentOf({ links: [] }, context)).toMatchObject({ total: 0, terms: [], ignoredLinks: [] });
  });
});
