import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, keepOnly, selectRange, toggleOne } from './selection';

const ORDER = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('row selection', () => {
  it('toggles one row and remembers it as the anchor', () => {
    const one = toggleOne(EMPTY_SELECTION, 'b');
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(toggleOne(one, 'b'))).toEqual([]);
  });

  it('selects the range from the anchor, in either direction', () => {
    const anchored = toggleOne(EMPTY_SELECTION, 'b');
    expect(ids(selectRange(anchored, ORDER, 'd'))).toEqual(['b', 'c', 'd']);
    expect(ids(selectRange(toggleOne(EMPTY_SELECTION, 'd'), ORDER, 'a'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shrinks the range when extended back towards the anchor (Shift+↓ then Shift+↑)', () => {
    let s = toggleOne(EMPTY_SELECTION, 'b');
    s = selectRange(s, ORDER, 'c');
    s = selectRange(s, ORDER, 'd');
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    s = selectRange(s, ORDER, 'c');
    expect(ids(s)).toEqual(['b', 'c']);
  });

  it('adds a range on top of rows picked before it', () => {
    let s = toggleOne(EMPTY_SELECTION, 'a');
    s = toggleOne(s, 'd');
    s = selectRange(s, ORDER, 'e');
    expect(ids(s)).toEqual(['a', 'd', 'e']);
  });

  it('starts a range from the focused row when nothing is anchored', () => {
    expect(ids(selectRange(EMPTY_SELECTION, ORDER, 'c', 'b'))).toEqual(['b', 'c']);
  });

  it('forgets rows that left the list', () => {
    const s = keepOnly(selectRange(toggleOne(EMPTY_SELECTION, 'a'), ORDER, 'c'), new Set(['a', 'c']));
    expect(ids(s)).toEqual(['a', 'c']);
  });
});
