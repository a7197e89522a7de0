import { describe, expect, it } from 'vitest';
import { searchWordsFor, unlinkedBacklogHref } from './search-words';

describe('searchWordsFor', () => {
  it('offers the longest words of a KR title first, singular so the search also finds plurals', () => {
    expect(searchWordsFor('Trial-to-paid conversion')).toEqual(['conversion', 'trial', 'paid']);
    expect(searchWordsFor('Tickets per 1,000 accounts')).toEqual(['account', 'ticket']);
  });

  it('skips numbers, short words and filler, and keeps words whose plural cannot be cut', () => {
    expect(searchWordsFor('API p99 latency under 200ms')).toEqual(['latency']);
    expect(searchWordsFor('User stories with access')).toEqual(['stories', 'access', 'user']);
    expect(searchWordsFor('Go to it')).toEqual([]);
  });
});

describe('unlinkedBacklogHref', () => {
  it('links to the untagged backlog, searched when there is a word', () => {
    expect(unlinkedBacklogHref('trial')).toBe('/backlog?unlinked=true&q=trial');
    expect(unlinkedBacklogHref(null)).toBe('/backlog?unlinked=true');
  });
});
