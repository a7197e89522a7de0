import { describe, expect, it } from 'vitest';
import { cycleBounds, expectedProgress, paceSentence } from './pace';

const q4 = { startsOn: '2026-10-01', endsOn: '2026-12-31' }; // 92 days

describe('expectedProgress', () => {
  it('is the elapsed fraction of the cycle, counting its last day in full', () => {
    const { start, end } = cycleBounds(q4);
    expect((end - start) / 86_400_000).toBe(92);
    expect(expectedProgress(q4, new Date('2026-11-16T00:00:00Z'))).toBeCloseTo(46 / 92);
  });

  it('is capped to 0 before the cycle and to 1 after it', () => {
    expect(expectedProgress(q4, new Date('2026-09-01T00:00:00Z'))).toBe(0);
    expect(expectedProgress(q4, new Date('2027-02-01T00:00:00Z'))).toBe(1);
    expect(expectedProgress(q4, new Date('2026-12-31T23:00:00Z'))).toBeLessThan(1);
  });

  it('expects nothing of a cycle with nonsense dates instead of dividing by zero', () => {
    expect(expectedProgress({ startsOn: 'x', endsOn: 'y' }, new Date())).toBe(0);
  });
});

describe('paceSentence', () => {
  it('says how far along it is and where pace expects it', () => {
    expect(paceSentence(0.55, 0.712)).toBe('55% done, pace expects 71%');
  });
});
