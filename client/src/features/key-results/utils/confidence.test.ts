import { describe, expect, it } from 'vitest';
import { confidenceBand, worstBand } from './confidence';

describe('confidenceBand', () => {
  it('puts 7 and above on track, 4–6 at risk, 3 and below off track', () => {
    expect([10, 7, 6, 4, 3, 0].map(confidenceBand)).toEqual(['on-track', 'on-track', 'at-risk', 'at-risk', 'off-track', 'off-track']);
  });

  it('reads a missing confidence as "no check-in", not as zero', () => {
    expect(confidenceBand(null)).toBe('none');
    expect(confidenceBand(undefined)).toBe('none');
    expect(confidenceBand(0)).toBe('off-track');
  });
});

describe('worstBand', () => {
  it('takes the worst key result, ignoring those without a check-in', () => {
    expect(worstBand([8, 5, null])).toBe('at-risk');
    expect(worstBand([8, 2, 5])).toBe('off-track');
    expect(worstBand([null, 9])).toBe('on-track');
  });

  it('is "no check-in" when nothing has been checked in', () => {
    expect(worstBand([])).toBe('none');
    expect(worstBand([null, null])).toBe('none');
  });
});
