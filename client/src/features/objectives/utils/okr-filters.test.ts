import { describe, expect, it } from 'vitest';
import type { KeyResult, Objective } from '@keyline/shared';
import {
  countVisible,
  filterObjectiveTree,
  NO_FILTERS,
  NONE,
  parseOkrFilters,
  withOkrFilters,
  type OkrFilters,
  type VisibleObjective,
} from './okr-filters';
import { buildObjectiveTree } from './tree';

const TEAM_GROWTH = '00000000-0000-4000-8000-00000000000a';
const TEAM_SUPPORT = '00000000-0000-4000-8000-00000000000b';
const ANA = '00000000-0000-4000-8000-0000000000a1';
const BEN = '00000000-0000-4000-8000-0000000000b1';

const objective = (id: string, fields: Partial<Objective> = {}): Objective =>
  ({ id, parentId: null, teamId: null, ownerId: null, ...fields }) as Objective;
const keyResult = (id: string, objectiveId: string, fields: Partial<KeyResult> = {}): KeyResult =>
  ({ id, objectiveId, ownerId: null, latestConfidence: null, ...fields }) as KeyResult;

/*
 * O1 company (no team)            k1 Ana 7/10 (on track), k2 Ben 3/10 (at risk)
 *   O1.1 Growth, owned by Ana     k3 Ben 1/10 (off track)
 *   O1.2 Support                  k4 no owner, no check-in
 * O2 company (no team), by Ben    k5 Ana 8/10 (on track)
 */
const tree = buildObjectiveTree(
  [
    objective('o1'),
    objective('o2', { ownerId: BEN }),
    objective('g', { parentId: 'o1', teamId: TEAM_GROWTH, ownerId: ANA }),
    objective('s', { parentId: 'o1', teamId: TEAM_SUPPORT }),
  ],
  [
    keyResult('k1', 'o1', { ownerId: ANA, latestConfidence: 7 }),
    keyResult('k2', 'o1', { ownerId: BEN, latestConfidence: 3 }),
    keyResult('k3', 'g', { ownerId: BEN, latestConfidence: 1 }),
    keyResult('k4', 's'),
    keyResult('k5', 'o2', { ownerId: ANA, latestConfidence: 8 }),
  ],
);

/** What a reader sees: label, whether shown only for context, and the key results listed. */
const shape = (nodes: VisibleObjective[]): unknown =>
  nodes.map((n) => ({
    label: n.label,
    id: n.objective.id,
    context: n.context,
    krs: n.visibleKeyResults.map((k) => k.id),
    children: shape(n.children),
  }));
const run = (filters: Partial<OkrFilters>) => shape(filterObjectiveTree(tree, { ...NO_FILTERS, ...filters }));

describe('filterObjectiveTree', () => {
  it('with no filters shows the whole tree, numbered as the page numbers it', () => {
    expect(run({})).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: false,
        krs: ['k1', 'k2'],
        children: [
          { label: 'O1.1', id: 'g', context: false, krs: ['k3'], children: [] },
          { label: 'O1.2', id: 's', context: false, krs: ['k4'], children: [] },
        ],
      },
      { label: 'O2', id: 'o2', context: false, krs: ['k5'], children: [] },
    ]);
  });

  it('team: keeps that team’s objectives and, as context without key results, the parents above them', () => {
    expect(run({ team: TEAM_GROWTH })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: true,
        krs: [],
        children: [{ label: 'O1.1', id: 'g', context: false, krs: ['k3'], children: [] }],
      },
    ]);
  });

  it('team "No team": the company objectives only; a team objective is not shown', () => {
    expect(run({ team: NONE })).toEqual([
      { label: 'O1', id: 'o1', context: false, krs: ['k1', 'k2'], children: [] },
      { label: 'O2', id: 'o2', context: false, krs: ['k5'], children: [] },
    ]);
  });

  it('owner: the key results they own, plus objectives they own (with none of their key results when others own them)', () => {
    expect(run({ owner: ANA })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: false,
        krs: ['k1'],
        children: [{ label: 'O1.1', id: 'g', context: false, krs: [], children: [] }],
      },
      { label: 'O2', id: 'o2', context: false, krs: ['k5'], children: [] },
    ]);
    // "No owner": the unowned KR, and the unowned company objective itself (listing none of its owned KRs).
    expect(run({ owner: NONE })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: false,
        krs: [],
        children: [{ label: 'O1.2', id: 's', context: false, krs: ['k4'], children: [] }],
      },
    ]);
  });

  it('status: the badge the KR shows (confidence band), including "No check-in"', () => {
    expect(run({ status: 'off-track' })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: true,
        krs: [],
        children: [{ label: 'O1.1', id: 'g', context: false, krs: ['k3'], children: [] }],
      },
    ]);
    expect(run({ status: 'on-track' })).toEqual([
      { label: 'O1', id: 'o1', context: false, krs: ['k1'], children: [] },
      { label: 'O2', id: 'o2', context: false, krs: ['k5'], children: [] },
    ]);
    expect(run({ status: 'no-check-in' })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: true,
        krs: [],
        children: [{ label: 'O1.2', id: 's', context: false, krs: ['k4'], children: [] }],
      },
    ]);
  });

  it('combined filters must all hold on the same key result; owning the objective does not count once status is set', () => {
    expect(run({ owner: BEN, status: 'at-risk' })).toEqual([
      { label: 'O1', id: 'o1', context: false, krs: ['k2'], children: [] },
    ]);
    // Ana owns objective g but none of its KRs is hers and on track.
    expect(run({ owner: ANA, status: 'on-track' })).toEqual([
      { label: 'O1', id: 'o1', context: false, krs: ['k1'], children: [] },
      { label: 'O2', id: 'o2', context: false, krs: ['k5'], children: [] },
    ]);
    expect(run({ team: TEAM_GROWTH, owner: BEN, status: 'off-track' })).toEqual([
      {
        label: 'O1',
        id: 'o1',
        context: true,
        krs: [],
        children: [{ label: 'O1.1', id: 'g', context: false, krs: ['k3'], children: [] }],
      },
    ]);
    // Team narrows objectives, so Ben's at-risk KR on the company objective does not count under Growth.
    expect(run({ team: TEAM_GROWTH, status: 'at-risk' })).toEqual([]);
  });

  it('keeps every key result for the objective’s own roll-up while listing only the matching ones', () => {
    const [o1] = filterObjectiveTree(tree, { ...NO_FILTERS, owner: ANA });
    expect(o1?.keyResults.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(countVisible(filterObjectiveTree(tree, { ...NO_FILTERS, owner: ANA }))).toEqual({
      objectives: 3,
      keyResults: 2,
    });
    expect(countVisible(filterObjectiveTree(tree, NO_FILTERS))).toEqual({ objectives: 4, keyResults: 5 });
  });
});

describe('filters in the URL', () => {
  it('round-trips, keeps the quarter, drops unset filters and ignores malformed values', () => {
    const params = withOkrFilters(new URLSearchParams('cycle=q3&status=at-risk'), {
      team: NONE,
      owner: ANA,
      status: null,
    });
    expect(params.toString()).toBe(`cycle=q3&team=none&owner=${ANA}`);
    expect(parseOkrFilters(params)).toEqual({ team: NONE, owner: ANA, status: null });
    expect(parseOkrFilters(new URLSearchParams('team=growth&owner=%3Cscript%3E&status=late'))).toEqual(NO_FILTERS);
  });
});
