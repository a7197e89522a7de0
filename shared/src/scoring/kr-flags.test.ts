import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { buildCycle, buildItem, buildKeyResult, buildObjective, withSettings } from './test-factories';
import type { ScoringItem, ScoringKeyResult, ScoringObjective } from './types';

const cycles = [
  buildCycle({ id: 'q3', startsOn: '2025-07-01', endsOn: '2025-09-30' }),
  buildCycle({ id: 'q2', status: 'closed', startsOn: '2025-04-01', endsOn: '2025-06-30' }),
];
const asOf = '2025-08-16T00:00:00Z'; // expected progress 0.5 in q3

function krFlagsOf(
  keyResults: ScoringKeyResult[],
  items: ScoringItem[],
  objectives: ScoringObjective[] = [
    buildObjective({ id: 'o', cycleId: 'q3' }),
    buildObjective({ id: 'o-old', cycleId: 'q2' }),
  ],
  settings = DEFAULT_SCORING_SETTINGS,
) {
  return scoreBacklog({ items, keyResults, objectives, cycles, settings, asOf }).krFlags;
}
const linkTo = (keyResultId: string, strength = 1) => ({ keyResultId, strength });

describe('NO_WORK', () => {
  const keyResults = [
    buildKeyResult({ id: 'behind', objectiveId: 'o', currentValue: 10 }),
    buildKeyResult({ id: 'within-tolerance', objectiveId: 'o', currentValue: 45 }),
    buildKeyResult({ id: 'low-confidence', objectiveId: 'o', currentValue: 60, latestConfidence: 4 }),
    buildKeyResult({ id: 'ok-confidence', objectiveId: 'o', currentValue: 60, latestConfidence: 5 }),
    buildKeyResult({ id: 'behind-with-work', objectiveId: 'o', currentValue: 10 }),
    buildKeyResult({ id: 'behind-done-work', objectiveId: 'o', currentValue: 10 }),
    buildKeyResult({ id: 'achieved', objectiveId: 'o', currentValue: 100, latestConfidence: 1 }),
    buildKeyResult({ id: 'closed-cycle', objectiveId: 'o-old', currentValue: 0 }),
    buildKeyResult({ id: 'deleted', objectiveId: 'o', currentValue: 0, deleted: true }),
  ];
  const items = [
    buildItem({ id: 'open', status: 'in-progress', links: [linkTo('behind-with-work')] }),
    buildItem({ id: 'done', status: 'done', links: [linkTo('behind-done-work')] }),
  ];
  const flags = krFlagsOf(keyResults, items).filter((f) => f.code === 'NO_WORK');

  it('flags live KRs behind pace or at low confidence that no open item serves', () => {
    expect(flags.map((f) => f.keyResultId)).toEqual(['behind', 'behind-done-work', 'low-confidence']);
  });

  it('explains why in the message', () => {
    expect(flags[0]?.message).toBe(
      'No open backlog item is linked to this key result, yet it is behind pace (10% done, 50% expected by now). Link or create the work that will move it, or revisit the target.',
    );
    expect(flags[2]?.message).toContain('its latest confidence is 4/10');
  });

  it('names both reasons when both apply', () => {
    const [flag] = krFlagsOf([buildKeyResult({ id: 'k', objectiveId: 'o', currentValue: 0, latestConfidence: 2 })], []);
    expect(flag?.message).toContain(
      'it is behind pace (0% done, 50% expected by now) and its latest confidence is 2/10',
    );
  });

  it('respects the tolerance and confidence thresholds from settings', () => {
    const strict = withSettings({ krFlags: { behindPaceTolerance: 0, atRiskConfidence: 5 } });
    const ids = krFlagsOf(keyResults, items, undefined, strict)
      .filter((f) => f.code === 'NO_WORK')
      .map((f) => f.keyResultId);
    expect(ids).toEqual(['behind', 'behind-done-work', 'low-confidence', 'ok-confidence', 'within-tolerance']);
  });
});

describe('EFFORT_MISMATCH', () => {
  // Weight shares within the objective: a 25%, b 25%, c 50%.
  const keyResults = [
    buildKeyResult({ id: 'a', objectiveId: 'o', weight: 1 }),
    buildKeyResult({ id: 'b', objectiveId: 'o', weight: 1 }),
    buildKeyResult({ id: 'c', objectiveId: 'o', weight: 2 }),
  ];

  it('splits the effort of an item across its live links by strength', () => {
    // x: 8 points, a:b = 3:1 → a 6, b 2. y: 8 points → c 8. Shares of 16: 37.5%, 12.5%, 50%.
    const items = [
      buildItem({ id: 'x', effort: 8, links: [linkTo('a', 3), linkTo('b', 1)] }),
      buildItem({ id: 'y', effort: 8, links: [linkTo('c', 2)] }),
    ];
    expect(krFlagsOf(keyResults, items)).toEqual([
      {
        keyResultId: 'b',
        code: 'EFFORT_MISMATCH',
        message:
          'Gets 13% of the open effort linked to key results at its level but carries 25% of their weight. Plan more work for it, or lower its weight.',
      },
    ]);
  });

  it('flags over-invested KRs too, and needs the minimum gap', () => {
    const items = [
      buildItem({ id: 'x', effort: 10, links: [linkTo('a')] }),
      buildItem({ id: 'y', effort: 2, links: [linkTo('c')] }),
    ];
    const flags = krFlagsOf(keyResults, items);
    expect(flags.map((f) => f.keyResultId)).toEqual(['a', 'b', 'c']);
    expect(flags[0]?.message).toBe(
      'Gets 83% of the open effort linked to key results at its level but carries 25% of their weight. Move some of that work to under-served key results, or raise its weight if it really matters that much.',
    );
    const lenient = withSettings({ krFlags: { effortMismatchMinGap: 0.3 } });
    expect(krFlagsOf(keyResults, items, undefined, lenient).map((f) => f.keyResultId)).toEqual(['a', 'c']);
  });

  it('ignores done items, items without effort and links to dead KRs', () => {
    const items = [
      buildItem({ id: 'done', status: 'done', effort: 50, links: [linkTo('a')] }),
      buildItem({ id: 'no-effort', effort: null, links: [linkTo('a')] }),
      buildItem({ id: 'x', effort: 4, links: [linkTo('a'), linkTo('b'), linkTo('c', 2), linkTo('ghost', 3)] }),
    ];
    expect(krFlagsOf(keyResults, items)).toEqual([]);
  });

  it('compares KRs only with KRs at the same objective level', () => {
    const objectives = [
      buildObjective({ id: 'company', cycleId: 'q3' }),
      buildObjective({ id: 'team', cycleId: 'q3', parentId: 'company' }),
    ];
    const krs = [
      buildKeyResult({ id: 'kc', objectiveId: 'company' }),
      buildKeyResult({ id: 'kt', objectiveId: 'team' }),
    ];
    // All effort is on the team KR; the company level has none, so it is not judged.
    expect(krFlagsOf(krs, [buildItem({ effort: 10, links: [linkTo('kt')] })], objectives)).toEqual([]);
  });
});
