import { describe, expect, it } from 'vitest';
import { buildScoringContext } from './context';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { buildCycle, buildItem, buildKeyResult, buildObjective, withSettings } from './test-factories';
import { evaluateItem } from './value';

const structure = {
  cycles: [buildCycle({ id: 'q3' })],
  objectives: [buildObjective({ id: 'o', cycleId: 'q3' })],
  keyResults: [
    buildKeyResult({ id: 'k', objectiveId: 'o', weight: 1 }),
    buildKeyResult({ id: 'zero', objectiveId: 'o', weight: 0 }),
  ],
  asOf: '2025-07-01',
};
const context = buildScoringContext({ ...structure, settings: DEFAULT_SCORING_SETTINGS });

describe('evaluateItem: value = f(intrinsic, alignment)', () => {
  it('aligned: intrinsic × (1 + alignmentWeight × alignment)', () => {
    const result = evaluateItem(buildItem({ reach: 100, links: [{ keyResultId: 'k', strength: 3 }] }), context);
    expect(result.alignment.total).toBe(3); // 3 × 1 × 1 × 1
    expect(result.combination).toMatchObject({
      aligned: true,
      multiplier: 4,
      formula: 'intrinsic × (1 + alignmentWeight × alignment)',
    });
    expect(result.valueScore).toBe(400);

    const heavier = buildScoringContext({
      ...structure,
      settings: withSettings({ combination: { alignmentWeight: 2 } }),
    });
    expect(
      evaluateItem(buildItem({ reach: 100, links: [{ keyResultId: 'k', strength: 3 }] }), heavier).valueScore,
    ).toBe(700);
  });

  it('unaligned: intrinsic × unalignedMultiplier', () => {
    const result = evaluateItem(buildItem({ reach: 100 }), context);
    expect(result.combination).toMatchObject({ aligned: false, multiplier: 0.5 });
    expect(result.valueScore).toBe(50);
  });

  it('an aligned item outranks an equally valuable unaligned one, even via a zero-weight KR', () => {
    const aligned = evaluateItem(buildItem({ reach: 100, links: [{ keyResultId: 'zero', strength: 1 }] }), context);
    const unaligned = evaluateItem(
      buildItem({ reach: 100, links: [{ keyResultId: 'nowhere', strength: 3 }] }),
      context,
    );
    expect(aligned.alignment.total).toBe(0);
    expect(aligned.valueScore).toBe(100);
    expect(unaligned.valueScore).toBe(50);
  });

  it('not scorable → valueScore null, while the alignment is still explained', () => {
    const result = evaluateItem(buildItem({ reach: null, links: [{ keyResultId: 'k', strength: 2 }] }), context);
    expect(result.valueScore).toBeNull();
    expect(result.alignment.total).toBe(2);
    expect(result.intrinsic.missing).toEqual(['reach']);
  });
});
