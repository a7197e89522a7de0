import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@keyline/shared';
import { enteredLater, withDeltas } from './check-in-history';

const checkIn = (value: number, createdAt: string, at = createdAt): CheckIn => ({
  id: createdAt,
  keyResultId: 'kr',
  value,
  confidence: 5,
  note: '',
  authorId: null,
  authorName: 'Priya',
  at,
  createdAt,
});

describe('withDeltas', () => {
  it('lists newest first with the change from the check-in before, the first one from the start value', () => {
    const rows = withDeltas([checkIn(35, '2026-10-20T00:00:00Z'), checkIn(31, '2026-11-10T00:00:00Z')], 40);
    expect(rows.map((r) => [r.value, r.previousValue, r.delta])).toEqual([
      [31, 35, -4],
      [35, 40, -5],
    ]);
  });

  it('orders by the moment a value is for: a number recorded late sits where it belongs', () => {
    const late = checkIn(37, '2026-11-12T00:00:00Z', '2026-10-27T00:00:00Z');
    const rows = withDeltas([checkIn(35, '2026-10-20T00:00:00Z'), checkIn(31, '2026-11-10T00:00:00Z'), late], 40);
    expect(rows.map((r) => [r.value, r.previousValue])).toEqual([
      [31, 37],
      [37, 35],
      [35, 40],
    ]);
    expect(enteredLater(late)).toBe(true);
    expect(enteredLater(checkIn(31, '2026-11-10T00:00:00Z'))).toBe(false);
  });

  it('is empty without check-ins', () => {
    expect(withDeltas([], 40)).toEqual([]);
  });
});
