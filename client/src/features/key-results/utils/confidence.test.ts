import { describe, expect, it } from 'vitest';
import { krStatus } from '@keyline/shared';
import { confidenceBand, worstBand } from './confidence';

describe('confidenceBand', () => {
  it('uses the dashboard cut-offs: 5 and above on track, 3–4 at risk, 2 and below off track', () => {
    expect([10, 5, 4, 3, 2, 0].map(confidenceBand)).toEqual([
      'on-track',
      'on-track',
      'at-risk',
      'at-risk',
      'off-track',
      'off-track',
    ]);
  });

  it('agrees with the dashboard status for a KR on pace', () => {
    for (let confidence = 0; confidence <= 10; confidence++) {
      const { status } = krStatus({ progress: 0.5, expectedProgress: 0.5, confidence, hasCheckIn: true });
      expect(confidenceBand(confidence)).toBe(status);
    }
  });

  it('reads a missing confidence as "no check-in", not as zero', () => {
    expect(confidenceBand(null)).toBe('none');
    expect(confidenceBand(undefined)).toBe('none');
    expect(confidenceBand(0)).toBe('off-track');
  });
});

describe('worstBand', () => {
  it('takes the worst key result, ignoring those without a check-in', () => {
    expect(worstBand([8, 4, null])).toBe('at-risk');
    expect(worstBand([8, 2, 5])).toBe('off-track');
    expect(worstBand([null, 9])).toBe('on-track');
  });

  it('is "no check-in" when nothing has been checked in', () => {
    expect(worstBand([])).toBe('none');
    expect(worstBand([null, null])).toBe('none');
  });
});
