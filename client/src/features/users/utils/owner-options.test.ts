import { describe, expect, it } from 'vitest';
import { ownerChoices, ownerName } from './owner-options';

const members = [
  { id: 'a', name: 'Ada', active: true },
  { id: 'b', name: 'Bo', active: false },
  { id: 'c', name: 'Cy', active: true },
];

describe('ownerChoices', () => {
  it('offers nobody, then the active members, marking the signed-in one', () => {
    expect(ownerChoices(members, null, 'c')).toEqual([
      { value: '', label: 'No owner' },
      { value: 'a', label: 'Ada' },
      { value: 'c', label: 'Cy (you)' },
    ]);
  });

  it('keeps a disabled or unknown current owner, marked, so saving does not change the owner unasked', () => {
    expect(ownerChoices(members, 'b', undefined).map((c) => c.label)).toEqual([
      'No owner',
      'Ada',
      'Bo (disabled)',
      'Cy',
    ]);
    expect(ownerChoices(members, 'gone', undefined).at(-1)).toEqual({ value: 'gone', label: 'Unknown member' });
  });
});

describe('ownerName', () => {
  it('names the owner, disabled or not; null for nobody or an unknown id', () => {
    expect(ownerName(members, 'b')).toBe('Bo');
    expect(ownerName(members, null)).toBeNull();
    expect(ownerName(members, 'gone')).toBeNull();
    expect(ownerName(undefined, 'a')).toBeNull();
  });
});
