import { describe, expect, it } from 'vitest';
import { describeTrajectory, formatDelta, formatTrajectory } from './format-kr';

describe('formatTrajectory', () => {
  it('reads start → current → target with the unit once', () => {
    expect(
      formatTrajectory({ startValue: 40, currentValue: 31, targetValue: 25, unit: 'tickets', metricType: 'number' }),
    ).toBe('40 → 31 → 25 tickets');
    expect(
      formatTrajectory({ startValue: 4, currentValue: 5.1, targetValue: 6, unit: '%', metricType: 'percent' }),
    ).toBe('4 → 5.1 → 6%');
    expect(
      formatTrajectory({ startValue: 1200, currentValue: 1870, targetValue: 2500, unit: '', metricType: 'number' }),
    ).toBe('1,200 → 1,870 → 2,500');
  });

  it('puts the currency symbol on each value', () => {
    expect(
      formatTrajectory({
        startValue: 1_200_000,
        currentValue: 1_400_000,
        targetValue: 2_000_000,
        unit: '$',
        metricType: 'currency',
      }),
    ).toBe('$1.2M → $1.4M → $2M');
  });

  it('describes it in words for screen readers', () => {
    expect(
      describeTrajectory({ startValue: 40, currentValue: 31, targetValue: 25, unit: 'tickets', metricType: 'number' }),
    ).toBe('start 40 tickets, now 31 tickets, target 25 tickets');
  });
});

describe('formatDelta', () => {
  it('signs the change with a true minus, in the unit', () => {
    expect(formatDelta(-4, { unit: 'tickets', metricType: 'number' })).toBe('−4 tickets');
    expect(formatDelta(1.5, { unit: '%', metricType: 'percent' })).toBe('+1.5%');
    expect(formatDelta(0, { unit: '', metricType: 'number' })).toBe('no change');
  });
});
