import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import { buildCycle, buildItem, buildKeyResult, buildObjective, withSettings } from './test-factories';
import type { ScoredItem, ScoringItem } from './types';

const cycles = [
  buildCycle({ id: 'q3' }),
  buildCycle({ id: 'q2', status: 'closed', startsOn: '2025-04-01', endsOn: '2025-06-30' }),
  buildCycle({ id: 'q4', status: 'planning', startsOn: '2025-10-01', endsOn: '2025-12-31' }),
];
const objectives = [
  buildObjective({ id: 'o', cycleId: 'q3' }),
  buildObjective({ id: 'o-old', cycleId: 'q2' }),
  buildObjective({ id: 'o-next', cycleId: 'q4' }),
  buildObjective({ id: 'o-gone', cycleId: 'q3', deleted: true }),
];
const keyResults = [
  buildKeyResult({ id: 'live', objectiveId: 'o' }),
  buildKeyResult({ id: 'achieved', objectiveId: 'o', currentValue: 120 }),
  buildKeyResult({ id: 'deleted', objectiveId: 'o', deleted: true }),
  buildKeyResult({ id: 'under-gone', objectiveId: 'o-gone' }),
  buildKeyResult({ id: 'old', objectiveId: 'o-old' }),
  buildKeyResult({ id: 'next', objectiveId: 'o-next' }),
];

function score(items: ScoringItem[], settings: ScoringSettings = DEFAULT_SCORING_SETTINGS, cycleList = cycles) {
  const result = scoreBacklog({ items, keyResults, objectives, cycles: cycleList, settings, asOf: '2025-08-01' });
  return new Map<string, ScoredItem>(result.items.map((item) => [item.id, item]));
}
const codes = (item: ScoredItem | undefined) => item?.flags.map((f) => f.code);
const links = (...ids: string[]) => ids.map((keyResultId) => ({ keyResultId, strength: 2 }));

describe('UNALIGNED and STALE_ALIGNMENT', () => {
  const scored = score([
    buildItem({ id: 'none' }),
    buildItem({ id: 'aligned', links: links('live', 'old') }),
    buildItem({ id: 'stale', links: links('old', 'achieved', 'deleted', 'under-gone', 'ghost') }),
    buildItem({ id: 'upcoming', links: links('next') }),
    buildItem({ id: 'stale-and-upcoming', links: links('old', 'next') }),
  ]);

  it('flags an item with no link at all as UNALIGNED', () => {
    expect(scored.get('none')?.flags).toEqual([
      {
        code: 'UNALIGNED',
        message:
          'Not linked to any key result of the active cycle. Link it to the KR it moves, or question why it is in the backlog.',
      },
    ]);
  });

  it('does not flag an item with one live link, whatever else it links to', () => {
    expect(scored.get('aligned')?.flags).toEqual([]);
  });

  it('flags STALE_ALIGNMENT when every link is closed, achieved or deleted, and says which', () => {
    expect(scored.get('stale')?.flags).toEqual([
      {
        code: 'STALE_ALIGNMENT',
        message:
          'Linked only to key results that no longer need work (1 in a closed cycle, 1 already achieved, 1 deleted, 1 under a deleted objective, 1 no longer existing). Re-link it to a key result of the active cycle, or drop it.',
      },
    ]);
  });

  it('links to a cycle that has not started are not stale: UNALIGNED, with a matching message', () => {
    expect(scored.get('upcoming')?.flags[0]?.code).toBe('UNALIGNED');
    expect(scored.get('upcoming')?.flags[0]?.message).toBe(
      'Not linked to any key result of the active cycle, only to ones of a cycle that has not started. Link it to a key result of the active cycle too, or park it until that cycle starts.',
    );
    expect(codes(scored.get('stale-and-upcoming'))).toEqual(['UNALIGNED']);
  });

  it('says so when no cycle is active at all', () => {
    const closedOnly = score([buildItem({ id: 'x' })], DEFAULT_SCORING_SETTINGS, [
      cycles[1] as (typeof cycles)[number],
    ]);
    expect(closedOnly.get('x')?.flags[0]?.message).toMatch(/^No cycle is active/);
  });
});

describe('NOT_SCORABLE', () => {
  it('names the missing and invalid fields for the workspace framework', () => {
    const scored = score([buildItem({ id: 'x', reach: null, effort: 0, links: links('live') })]);
    expect(scored.get('x')?.flags).toEqual([
      {
        code: 'NOT_SCORABLE',
        message:
          'Cannot score with RICE: missing reach; effort 0 is out of range (more than 0). Fill in the estimates so it can be ranked.',
      },
    ]);
    expect(scored.get('x')?.valueScore).toBeNull();
  });

  it('uses the criteria of the custom framework', () => {
    const settings = withSettings({ framework: 'custom', customCriteria: [{ field: 'businessValue', weight: 1 }] });
    const scored = score([buildItem({ id: 'x', links: links('live') })], settings);
    expect(scored.get('x')?.flags[0]?.message).toBe(
      'Cannot score with the custom formula: missing business value. Fill in the estimates so it can be ranked.',
    );
  });
});

describe('done and dropped items', () => {
  it('are never flagged, however unscorable, unaligned or misranked', () => {
    const items = [
      buildItem({ id: 'done', status: 'done', reach: null, rank: 1 }),
      buildItem({ id: 'dropped', status: 'dropped', links: links('old'), rank: 2, effort: 1000 }),
      ...Array.from({ length: 20 }, (_, i) =>
        buildItem({ id: `open-${i}`, rank: 3 + i, reach: 1000 * (i + 1), links: links('live') }),
      ),
    ];
    const scored = score(items, withSettings({ itemFlags: { rankInversionMinPositions: 1 } }));
    expect(scored.get('done')?.flags).toEqual([]);
    expect(scored.get('dropped')?.flags).toEqual([]);
  });
});

describe('LOW_VALUE_HIGH_EFFORT', () => {
  // Value per effort 10, 9, … 3 against efforts 1, 2, 3, 5, 8, 13, 21, 34:
  // p25(value/effort) = 4.75, median 6.5; p75(effort) = 15, median 6.5.
  const efforts = [1, 2, 3, 5, 8, 13, 21, 34];
  const items = efforts.map((effort, i) =>
    // A strength-2 link to 'live' (KR share 0.5, objective share 1) gives
    // multiplier 2; RICE is reach ÷ effort here, so value ÷ effort = 10 − i.
    buildItem({ id: `i${i}`, effort, reach: ((10 - i) * effort * effort) / 2, links: links('live') }),
  );

  it('flags the bottom quartile of value per effort that is also the top quartile of effort', () => {
    const result = scoreBacklog({
      items,
      keyResults,
      objectives,
      cycles,
      settings: DEFAULT_SCORING_SETTINGS,
      asOf: '2025-08-01',
    });
    expect(result.lowValueThresholds).toEqual({
      population: 8,
      valuePerEffortP25: 4.75,
      valuePerEffortMedian: 6.5,
      effortP75: 15,
      effortMedian: 6.5,
    });
    const flagged = result.items.filter((item) => item.flags.some((f) => f.code === 'LOW_VALUE_HIGH_EFFORT'));
    expect(flagged.map((item) => item.id).sort()).toEqual(['i6', 'i7']);
    expect(flagged.find((item) => item.id === 'i7')?.flags[0]?.message).toBe(
      'Value per point of effort (3) is in the bottom quarter of open items (≤ 4.75) while its effort (34) is in the top quarter (≥ 15). Split it, cut scope or drop it.',
    );
  });

  it('is off below the minimum population', () => {
    const settings = withSettings({ itemFlags: { lowValueHighEffortMinItems: 9 } });
    const result = scoreBacklog({ items, keyResults, objectives, cycles, settings, asOf: '2025-08-01' });
    expect(result.lowValueThresholds).toBeNull();
    expect(result.items.every((item) => item.flags.length === 0)).toBe(true);
  });

  it('never flags a population of identical items', () => {
    const same = Array.from({ length: 10 }, (_, i) => buildItem({ id: `s${i}`, effort: 5, links: links('live') }));
    const scored = score(same);
    expect([...scored.values()].every((item) => item.flags.length === 0)).toBe(true);
  });
});

describe('RANK_INVERSION', () => {
  const settings = withSettings({ itemFlags: { rankInversionMinPositions: 3, rankInversionValueFactor: 2 } });
  // All aligned the same way, so value is proportional to reach.
  const ranked = (id: string, rank: number | null, reach: number, status: ScoringItem['status'] = 'ready') =>
    buildItem({ id, rank, reach, status, links: links('live') });

  it('flags an item ranked ≥ N places above one worth ≥ factor × its value', () => {
    const scored = score(
      [ranked('top', 1, 100), ranked('b', 2, 100), ranked('c', 3, 100), ranked('gem', 4, 250), ranked('d', 5, 100)],
      settings,
    );
    expect(scored.get('top')?.flags).toEqual([
      {
        code: 'RANK_INVERSION',
        message:
          "Ranked 3 places above item gem, whose value score (500) is 2.5× this one's (200). Move it down, or revisit the estimates if the rank is right.",
        relatedItemId: 'gem',
      },
    ]);
    // b is only 2 places above gem; gem itself and the rest are fine.
    for (const id of ['b', 'c', 'gem', 'd']) expect(scored.get(id)?.flags).toEqual([]);
  });

  it('needs the factor: 1.9× is not enough', () => {
    const scored = score(
      [ranked('top', 1, 100), ranked('b', 2, 100), ranked('c', 3, 100), ranked('near', 4, 190)],
      settings,
    );
    expect(scored.get('top')?.flags).toEqual([]);
  });

  it('counts positions among open ranked items; equal ranks share a position', () => {
    const scored = score(
      [
        ranked('top', 1, 100),
        ranked('done', 2, 100, 'done'),
        ranked('tie-a', 3, 100),
        ranked('tie-b', 3, 100),
        ranked('unranked', null, 100),
        ranked('gem', 4, 250),
      ],
      settings,
    );
    // Positions: top 0, tie-a/tie-b 1, gem 3 → exactly 3 places.
    expect(codes(scored.get('top'))).toEqual(['RANK_INVERSION']);
    expect(codes(scored.get('tie-a'))).toEqual([]);
    expect(codes(scored.get('unranked'))).toEqual([]);
  });

  it('has no "Infinity×" when the inverted item is worth 0', () => {
    const scored = score(
      [ranked('zero', 1, 0), ranked('b', 2, 100), ranked('c', 3, 100), ranked('d', 4, 100)],
      settings,
    );
    expect(scored.get('zero')?.flags[0]?.message).toBe(
      "Ranked 3 places above item d, whose value score (200) is above this one's (0). Move it down, or revisit the estimates if the rank is right.",
    );
  });

  it('points at the most valuable item below', () => {
    const scored = score(
      [ranked('top', 1, 100), ranked('b', 2, 100), ranked('c', 3, 100), ranked('good', 4, 300), ranked('best', 9, 900)],
      settings,
    );
    expect(scored.get('top')?.flags[0]?.message).toContain('Ranked 4 places above item best');
  });
});
