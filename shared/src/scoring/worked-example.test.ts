// The worked example in docs/SCORING.md. If this test changes, update the doc.
import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { buildWorkedExample } from './test-factories';

describe('docs/SCORING.md worked example', () => {
  const result = scoreBacklog(buildWorkedExample());
  const byId = new Map(result.items.map((item) => [item.id, item]));
  const a = byId.get('A');

  it('item A: RICE 200, alignment 2.025, value 605', () => {
    expect(a?.intrinsic).toBeCloseTo(200, 10);
    const [k1, k3] = a?.breakdown.alignment.terms ?? [];
    expect(k1?.keyResult).toMatchObject({ krShare: 0.5, objectiveShare: 0.75, expectedProgress: 0.5, progress: 0.2 });
    expect(k1?.keyResult.paceShortfall).toBeCloseTo(0.3, 12);
    expect(k1?.keyResult.confidenceShortfall).toBe(0);
    expect(k1?.keyResult.boost).toBeCloseTo(1.3, 12);
    expect(k1?.term).toBeCloseTo(0.975, 12);
    expect(k3?.keyResult).toMatchObject({ krShare: 1, objectiveShare: 0.25 });
    expect(k3?.keyResult.progress).toBeCloseTo(0.3, 12);
    expect(k3?.keyResult.paceShortfall).toBeCloseTo(0.2, 12);
    expect(k3?.keyResult.confidenceShortfall).toBeCloseTo(0.4, 12);
    expect(k3?.keyResult.boost).toBeCloseTo(1.4, 12);
    expect(k3?.term).toBeCloseTo(1.05, 12);
    expect(a?.alignment).toBeCloseTo(2.025, 12);
    expect(a?.breakdown.combination.multiplier).toBeCloseTo(3.025, 12);
    expect(a?.valueScore).toBeCloseTo(605, 9);
    expect(a?.flags).toEqual([]);
  });

  it('item B: same estimates, unaligned → 100, flagged', () => {
    const b = byId.get('B');
    expect(b?.valueScore).toBeCloseTo(100, 10);
    expect(b?.breakdown.combination.formula).toBe('intrinsic × unalignedMultiplier');
    expect(b?.flags.map((f) => f.code)).toEqual(['UNALIGNED']);
  });

  it('item C: RICE 100, one strength-1 link to an on-pace KR → 137.5', () => {
    const c = byId.get('C');
    expect(c?.intrinsic).toBeCloseTo(100, 10);
    expect(c?.alignment).toBeCloseTo(0.375, 12);
    expect(c?.valueScore).toBeCloseTo(137.5, 10);
  });

  it('ranks A, C, B', () => {
    expect(result.items.map((item) => item.id)).toEqual(['A', 'C', 'B']);
  });

  it('headline: 4 of 13 points misaligned, objective shares, full coverage', () => {
    const headline = result.headline;
    expect(headline?.openEffort).toBe(13);
    expect(headline?.misalignedEffort).toBe(4);
    expect(headline?.misalignedEffortShare).toBeCloseTo(4 / 13, 12);
    expect(headline?.objectives).toEqual([
      {
        objectiveId: 'churn',
        parentId: null,
        level: 0,
        weightShare: 0.25,
        effort: expect.closeTo(2.4, 12),
        effortShare: expect.closeTo(2.4 / 13, 12),
      },
      {
        objectiveId: 'grow',
        parentId: null,
        level: 0,
        weightShare: 0.75,
        effort: expect.closeTo(6.6, 12),
        effortShare: expect.closeTo(6.6 / 13, 12),
      },
    ]);
    expect(headline?.krCoverage).toEqual({ covered: 3, total: 3, share: 1 });
  });

  it('KR flags: k1 gets 18% of the linked effort for 37.5% of the weight', () => {
    expect(result.krFlags).toEqual([
      {
        keyResultId: 'k1',
        code: 'EFFORT_MISMATCH',
        message:
          'Gets 18% of the open effort linked to key results at its level but carries 38% of their weight. Plan more work for it, or lower its weight.',
      },
    ]);
  });
});
