import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { buildCycle, buildItem, buildKeyResult, buildObjective } from './test-factories';
import type { ScoringItem } from './types';

const cycles = [
  buildCycle({ id: 'q3' }),
  buildCycle({ id: 'q2', status: 'closed', startsOn: '2025-04-01', endsOn: '2025-06-30' }),
  buildCycle({ id: 'q4', status: 'planning', startsOn: '2025-10-01', endsOn: '2025-12-31' }),
];
// Company objectives 3:1, each with one team objective beneath.
const objectives = [
  buildObjective({ id: 'c1', cycleId: 'q3', weight: 3 }),
  buildObjective({ id: 'c2', cycleId: 'q3', weight: 1 }),
  buildObjective({ id: 't1', cycleId: 'q3', parentId: 'c1', weight: 1 }),
  buildObjective({ id: 't2', cycleId: 'q3', parentId: 'c2', weight: 1 }),
  buildObjective({ id: 'old', cycleId: 'q2' }),
  buildObjective({ id: 'next', cycleId: 'q4' }),
];
const keyResults = [
  buildKeyResult({ id: 'k-c1', objectiveId: 'c1' }),
  buildKeyResult({ id: 'k-t1', objectiveId: 't1' }),
  buildKeyResult({ id: 'k-t2', objectiveId: 't2' }),
  buildKeyResult({ id: 'k-uncovered', objectiveId: 'c2' }),
  buildKeyResult({ id: 'k-achieved', objectiveId: 'c2', currentValue: 100 }),
  buildKeyResult({ id: 'k-deleted', objectiveId: 'c2', deleted: true }),
  buildKeyResult({ id: 'k-old', objectiveId: 'old' }),
  buildKeyResult({ id: 'k-next', objectiveId: 'next' }),
];
const linkTo = (keyResultId: string, strength = 1) => ({ keyResultId, strength });

function headlineOf(items: ScoringItem[], headlineCycleId?: string) {
  return scoreBacklog({
    items,
    keyResults,
    objectives,
    cycles,
    settings: DEFAULT_SCORING_SETTINGS,
    asOf: '2025-08-01',
    headlineCycleId,
  }).headline;
}

describe('computeHeadline', () => {
  const items = [
    buildItem({ id: 'split', effort: 6, links: [linkTo('k-t1', 1), linkTo('k-c1', 2)] }), // k-t1 2, k-c1 4
    buildItem({ id: 'team-2', effort: 4, links: [linkTo('k-t2')] }),
    buildItem({ id: 'unlinked', effort: 7 }),
    buildItem({ id: 'stale', effort: 3, links: [linkTo('k-old'), linkTo('k-achieved')] }),
    buildItem({ id: 'done', status: 'done', effort: 100 }),
    buildItem({ id: 'unestimated', effort: null, links: [linkTo('k-t2')] }),
  ];
  const headline = headlineOf(items);

  it('misaligned effort % = open effort with no live KR link ÷ all open effort', () => {
    expect(headline).toMatchObject({
      cycleId: 'q3',
      openEffort: 20,
      misalignedEffort: 10,
      misalignedEffortShare: 0.5,
      openItemsWithoutEffort: 1,
    });
  });

  it('puts the effort share of each objective (rolled up the tree) next to its weight share', () => {
    expect(headline?.objectives).toEqual([
      { objectiveId: 'c1', parentId: null, level: 0, weightShare: 0.75, effort: 6, effortShare: 0.3 },
      { objectiveId: 'c2', parentId: null, level: 0, weightShare: 0.25, effort: 4, effortShare: 0.2 },
      { objectiveId: 't1', parentId: 'c1', level: 1, weightShare: 0.5, effort: 2, effortShare: 0.1 },
      { objectiveId: 't2', parentId: 'c2', level: 1, weightShare: 0.5, effort: 4, effortShare: 0.2 },
    ]);
  });

  it('KR coverage = live KRs with an open linked item ÷ live KRs', () => {
    expect(headline?.krCoverage).toEqual({ covered: 3, total: 4, share: 0.75 });
  });

  it('has null shares when there is no open effort', () => {
    const empty = headlineOf([buildItem({ effort: null }), buildItem({ id: 'd', status: 'dropped', effort: 5 })]);
    expect(empty).toMatchObject({ openEffort: 0, misalignedEffortShare: null, openItemsWithoutEffort: 1 });
    expect(empty?.objectives.every((o) => o.effortShare === null)).toBe(true);
    expect(empty?.krCoverage).toEqual({ covered: 0, total: 4, share: 0 });
  });

  it('can be computed for a planning cycle, counting links to its KRs', () => {
    const planned = headlineOf(
      [buildItem({ effort: 2, links: [linkTo('k-next')] }), buildItem({ id: 'x', effort: 2 })],
      'q4',
    );
    expect(planned).toMatchObject({
      cycleId: 'q4',
      openEffort: 4,
      misalignedEffort: 2,
      krCoverage: { covered: 1, total: 1, share: 1 },
    });
  });

  it('is null when no cycle is active and none is asked for', () => {
    const result = scoreBacklog({
      items,
      keyResults,
      objectives,
      cycles: cycles.slice(1),
      settings: DEFAULT_SCORING_SETTINGS,
      asOf: '2025-08-01',
    });
    expect(result.headline).toBeNull();
  });
});
