import { describe, expect, it } from 'vitest';
import {
  canRerank,
  clearFilters,
  DEFAULT_VIEW,
  hasFilters,
  parseView,
  toggleSort,
  viewToApiQuery,
  viewToParams,
} from './view';

const TEAM = '11111111-2222-4333-8444-555555555555';

describe('backlog view ⇄ URL', () => {
  it('round-trips every filter and the sort through the URL', () => {
    const view = {
      ...DEFAULT_VIEW,
      status: ['idea' as const, 'ready' as const],
      flag: ['NOT_SCORABLE' as const],
      teamId: TEAM,
      unlinked: true,
      q: 'dark mode',
      sort: 'effort',
      order: 'desc' as const,
      wide: true,
    };
    const params = viewToParams(view);
    expect(params.toString()).toBe(
      `status=idea%2Cready&flag=NOT_SCORABLE&team=${TEAM}&unlinked=true&q=dark+mode&sort=effort&order=desc&cols=all`,
    );
    expect(parseView(params)).toEqual(view);
  });

  it('leaves the default view out of the URL', () => {
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
    expect(parseView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('drops what it does not understand instead of sending it to the server', () => {
    const view = parseView(new URLSearchParams('status=ready,bogus&team=not-an-id&sort=DROP TABLE&order=sideways'));
    expect(view.status).toEqual(['ready']);
    expect(view.teamId).toBeNull();
    expect(view.sort).toBe('rank');
    expect(view.order).toBe('asc');
  });

  it('keeps statuses in canonical order so equal sets give equal URLs', () => {
    expect(parseView(new URLSearchParams('status=done,idea')).status).toEqual(['idea', 'done']);
  });

  it('builds the API query with the server names for filters', () => {
    const query = viewToApiQuery({ ...DEFAULT_VIEW, teamId: TEAM, unlinked: true, q: '  csv  ' }, 200);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      teamId: TEAM,
      unlinked: 'true',
      q: 'csv',
      sort: 'rank',
      order: 'asc',
      limit: '200',
    });
  });
});

describe('sorting and re-ranking rules', () => {
  it('sorts a new column ascending and flips the current one', () => {
    const byEffort = toggleSort(DEFAULT_VIEW, 'effort');
    expect([byEffort.sort, byEffort.order]).toEqual(['effort', 'asc']);
    expect(toggleSort(byEffort, 'effort').order).toBe('desc');
    expect(toggleSort(byEffort, 'nonsense')).toBe(byEffort);
    const byValue = toggleSort(DEFAULT_VIEW, 'valueScore');
    expect([byValue.sort, byValue.order]).toEqual(['valueScore', 'desc']);
  });

  it('allows re-ranking only on the whole backlog in rank order', () => {
    expect(canRerank(DEFAULT_VIEW)).toBe(true);
    expect(canRerank({ ...DEFAULT_VIEW, order: 'desc' })).toBe(false);
    expect(canRerank({ ...DEFAULT_VIEW, sort: 'effort' })).toBe(false);
    expect(canRerank({ ...DEFAULT_VIEW, unlinked: true })).toBe(false);
    expect(canRerank({ ...DEFAULT_VIEW, q: '   ' })).toBe(true);
  });

  it('clears filters but keeps the sort and columns', () => {
    const view = { ...DEFAULT_VIEW, unlinked: true, status: ['done' as const], sort: 'title', wide: true };
    expect(hasFilters(view)).toBe(true);
    const cleared = clearFilters(view);
    expect(hasFilters(cleared)).toBe(false);
    expect([cleared.sort, cleared.wide]).toEqual(['title', true]);
  });
});
