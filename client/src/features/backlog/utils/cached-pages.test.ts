import { describe, expect, it } from 'vitest';
import type { BacklogRow as BacklogRow } from '@keyline/shared';
import type { BacklogListData } from '../api/types';
import { UNSCORED } from '../test/unscored';
import {
  appendItemToPages,
  flattenPages,
  itemMatchesView,
  moveItemInPages,
  patchItemInPages,
  removeItemFromPages,
} from './cached-pages';
import { DEFAULT_VIEW } from './view';

function row(id: string, overrides: Partial<BacklogRow> = {}): BacklogRow {
  return {
    id,
    title: `Item ${id}`,
    description: '',
    type: 'feature',
    status: 'idea',
    teamId: null,
    rank: 0,
    reach: null,
    impact: null,
    confidence: null,
    effort: null,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    ease: null,
    externalKey: null,
    source: null,
    archivedAt: null,
    labels: [],
    links: [],
    doneAt: null,
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...UNSCORED,
    ...overrides,
  };
}

function data(...pages: string[][]): BacklogListData {
  const total = pages.flat().length;
  return {
    pages: pages.map((ids, i) => ({
      items: ids.map((id) => row(id)),
      total,
      nextCursor: i < pages.length - 1 ? `c${i + 1}` : null,
    })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
  };
}

const ids = (d: BacklogListData | undefined) => flattenPages(d).map((r) => r.id);

describe('backlog cache edits', () => {
  it('patches one item and leaves the other pages untouched', () => {
    const before = data(['a', 'b'], ['c', 'd']);
    const after = patchItemInPages(before, 'c', (item) => ({ ...item, effort: 8 }));
    expect(after?.pages[1]?.items[0]?.effort).toBe(8);
    expect(after?.pages[0]).toBe(before.pages[0]);
    expect(patchItemInPages(before, 'zz', (i) => i)).toBe(before);
  });

  it('removes an item and counts it out of the total', () => {
    const after = removeItemFromPages(data(['a', 'b'], ['c']), 'b');
    expect(ids(after)).toEqual(['a', 'c']);
    expect(after?.pages.map((p) => p.total)).toEqual([2, 2]);
  });

  it('appends a created item at the end', () => {
    const after = appendItemToPages(data(['a'], ['b']), row('new'));
    expect(ids(after)).toEqual(['a', 'b', 'new']);
    expect(after?.pages[0]?.total).toBe(3);
  });

  it('moves an item across pages while every page keeps its length', () => {
    const after = moveItemInPages(data(['a', 'b'], ['c', 'd']), 'd', 0);
    expect(ids(after)).toEqual(['d', 'a', 'b', 'c']);
    expect(after?.pages.map((p) => p.items.length)).toEqual([2, 2]);
    expect(ids(moveItemInPages(data(['a', 'b', 'c']), 'a', 1))).toEqual(['b', 'a', 'c']);
  });

  it('tells when an edited item has left the filtered list', () => {
    const tagged = row('a', { links: [{ keyResultId: 'kr1', strength: 2 }] });
    expect(itemMatchesView(tagged, { ...DEFAULT_VIEW, unlinked: true })).toBe(false);
    expect(itemMatchesView(tagged, { ...DEFAULT_VIEW, unlinked: true }, new Set(['kr2']))).toBe(true);
    expect(itemMatchesView(row('b', { status: 'done' }), { ...DEFAULT_VIEW, status: ['idea', 'ready'] })).toBe(false);
    expect(itemMatchesView(row('b'), { ...DEFAULT_VIEW, q: 'anything' })).toBe(true);
  });
});
