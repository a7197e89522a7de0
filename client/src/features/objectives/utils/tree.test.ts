import { describe, expect, it } from 'vitest';
import type { KeyResult, Objective } from '@keyline/shared';
import { buildObjectiveTree, descendantIds, flattenTree } from './tree';

const objective = (id: string, parentId: string | null = null): Objective =>
  ({
    id,
    cycleId: 'c',
    title: `Objective ${id}`,
    description: '',
    teamId: null,
    parentId,
    ownerId: null,
    weight: 1,
    progress: null,
    grade: null,
    version: 1,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
  }) as Objective;
const keyResult = (id: string, objectiveId: string) => ({ id, objectiveId }) as KeyResult;

const shape = (nodes: ReturnType<typeof buildObjectiveTree>): unknown =>
  nodes.map((n) => ({
    id: n.objective.id,
    depth: n.depth,
    krs: n.keyResults.map((k) => k.id),
    children: shape(n.children),
  }));

describe('buildObjectiveTree', () => {
  it('nests team objectives under their company objective, in input order, with their key results', () => {
    const tree = buildObjectiveTree(
      [objective('o1'), objective('o2'), objective('t1', 'o1'), objective('t2', 'o1'), objective('t1a', 't1')],
      [keyResult('k1', 'o1'), keyResult('k2', 't1a'), keyResult('k3', 'o1')],
    );
    expect(shape(tree)).toEqual([
      {
        id: 'o1',
        depth: 0,
        krs: ['k1', 'k3'],
        children: [
          { id: 't1', depth: 1, krs: [], children: [{ id: 't1a', depth: 2, krs: ['k2'], children: [] }] },
          { id: 't2', depth: 1, krs: [], children: [] },
        ],
      },
      { id: 'o2', depth: 0, krs: [], children: [] },
    ]);
  });

  it('keeps an objective whose parent is missing (deleted, other cycle) as a root instead of losing it', () => {
    const tree = buildObjectiveTree([objective('t1', 'gone')], []);
    expect(shape(tree)).toEqual([{ id: 't1', depth: 0, krs: [], children: [] }]);
  });

  it('breaks a parent loop in bad data instead of recursing forever, and keeps every objective once', () => {
    const tree = buildObjectiveTree([objective('a', 'b'), objective('b', 'a'), objective('c', 'a')], []);
    const ids = flattenTree(tree)
      .map((n) => n.objective.id)
      .sort();
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(tree.find((n) => n.objective.id === 'a')?.children.map((n) => n.objective.id)).toEqual(['c']);
  });
});

describe('descendantIds', () => {
  it('collects an objective and everything beneath it, which cannot become its parent', () => {
    const list = [objective('o1'), objective('t1', 'o1'), objective('t1a', 't1'), objective('o2')];
    expect([...descendantIds(list, 'o1')].sort()).toEqual(['o1', 't1', 't1a']);
  });
});
