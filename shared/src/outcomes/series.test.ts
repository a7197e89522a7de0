import { describe, expect, it } from 'vitest';
import { buildSeries, valueAt } from './series';

const ms = (iso: string) => Date.parse(iso);

describe('a KR value read from its check-ins', () => {
  const start = ms('2026-01-01T00:00:00Z');
  const series = buildSeries(
    10,
    start,
    [
      { at: '2026-01-15T00:00:00Z', value: 20 },
      { at: '2026-01-08T00:00:00Z', value: 12, recordedAt: '2026-01-09T00:00:00Z' },
      { at: '2026-01-08T00:00:00Z', value: 14, recordedAt: '2026-01-10T00:00:00Z' }, // entered later: wins
      { at: '2026-03-01T00:00:00Z', value: 99 }, // after "until": left out
      { at: 'not a date', value: 1 },
    ],
    ms('2026-02-01T00:00:00Z'),
  );

  it('starts from the start value at the cycle start, one point per moment, later entry wins a tie', () => {
    expect(series.map((p) => [new Date(p.t).toISOString().slice(0, 10), p.value, p.observed])).toEqual([
      ['2026-01-01', 10, false],
      ['2026-01-08', 14, true],
      ['2026-01-15', 20, true],
    ]);
  });

  it('interpolates between check-ins, holds the ends', () => {
    expect(valueAt(series, ms('2025-12-01T00:00:00Z'))).toBe(10);
    expect(valueAt(series, ms('2026-01-04T12:00:00Z'))).toBe(12); // half-way from 10 to 14
    expect(valueAt(series, ms('2026-01-08T00:00:00Z'))).toBe(14);
    expect(valueAt(series, ms('2026-01-12T00:00:00Z'))).toBeCloseTo(14 + (6 * 4) / 7, 12);
    expect(valueAt(series, ms('2026-06-01T00:00:00Z'))).toBe(20);
  });

  it('does not add the start value when a check-in is already at the cycle start', () => {
    const s = buildSeries(10, start, [{ at: '2026-01-01T00:00:00Z', value: 11 }], start + 1);
    expect(s).toEqual([{ t: start, value: 11, observed: true }]);
  });
});
