import { describe, expect, it } from 'vitest';
import { keyResultProgress, weightedProgress } from './progress';

describe('keyResultProgress', () => {
  it('measures an increasing target', () => {
    expect(keyResultProgress({ startValue: 4, targetValue: 6, currentValue: 5.1 })).toBeCloseTo(0.55);
  });
  it('measures a decreasing target', () => {
    expect(keyResultProgress({ startValue: 40, targetValue: 10, currentValue: 25 })).toBe(0.5);
  });
  it('does not clamp overshoot or regressions', () => {
    expect(keyResultProgress({ startValue: 0, targetValue: 10, currentValue: 12 })).toBe(1.2);
    expect(keyResultProgress({ startValue: 40, targetValue: 10, currentValue: 46 })).toBeCloseTo(-0.2);
  });
});

describe('weightedProgress', () => {
  it('weights by KR weight', () => {
    expect(
      weightedProgress([
        { progress: 1, weight: 3 },
        { progress: 0, weight: 1 },
      ]),
    ).toBe(0.75);
  });
  it('is null with no key results', () => {
    expect(weightedProgress([])).toBeNull();
  });
});
