import { describe, expect, it } from 'vitest';
import { keyResultProgress as krProgress } from '../key-results/progress';
import { expectedProgress } from './progress';

describe('krProgress', () => {
  it('is (current − start) ÷ (target − start)', () => {
    expect(krProgress({ startValue: 0, targetValue: 200, currentValue: 50 })).toBe(0.25);
  });

  it('handles decreasing targets', () => {
    expect(krProgress({ startValue: 40, targetValue: 10, currentValue: 31 })).toBeCloseTo(0.3, 12);
    expect(krProgress({ startValue: 40, targetValue: 10, currentValue: 10 })).toBe(1);
  });

  it('is unclamped for display', () => {
    expect(krProgress({ startValue: 0, targetValue: 10, currentValue: 12 })).toBeCloseTo(1.2, 12);
    expect(krProgress({ startValue: 40, targetValue: 10, currentValue: 46 })).toBeCloseTo(-0.2, 12);
  });

  it('is null without a current value or with start = target', () => {
    expect(krProgress({ startValue: 0, targetValue: 10, currentValue: null })).toBeNull();
    expect(krProgress({ startValue: 5, targetValue: 5, currentValue: 5 })).toBeNull();
  });
});

describe('expectedProgress', () => {
  const q3 = { startsOn: '2025-07-01', endsOn: '2025-09-30' }; // 92 days, endsOn inclusive

  it('is the elapsed fraction of the cycle', () => {
    expect(expectedProgress(q3, '2025-08-16T00:00:00Z')).toBe(0.5); // 46 of 92 days
    expect(expectedProgress(q3, new Date(Date.UTC(2025, 6, 1)))).toBe(0);
  });

  it('reaches 1 only once the last day is over', () => {
    expect(expectedProgress(q3, '2025-09-30T12:00:00Z')).toBeCloseTo(91.5 / 92, 12);
    expect(expectedProgress(q3, '2025-10-01T00:00:00Z')).toBe(1);
  });

  it('is clamped to [0, 1] outside the cycle', () => {
    expect(expectedProgress(q3, '2025-01-01')).toBe(0);
    expect(expectedProgress(q3, '2026-01-01')).toBe(1);
  });

  it('is null for malformed or reversed dates', () => {
    expect(expectedProgress({ startsOn: '2025-02-31', endsOn: '2025-03-31' }, '2025-03-01')).toBeNull();
    expect(expectedProgress({ startsOn: '2025-07-01', endsOn: '2025-06-01' }, '2025-07-01')).toBeNull();
  });

  it('throws on an unparseable asOf (a caller bug, not data)', () => {
    expect(() => expectedProgress(q3, 'yesterday')).toThrow(RangeError);
  });
});
