import { describe, expect, it } from 'vitest';
import { asOfLine, formatUtcStamp, riskSummary } from './status';

describe('dashboard status text', () => {
  it('says the at-risk-first summary, adding KRs never checked in only when there are some', () => {
    const summary = { objectives: 3, keyResults: 8, onTrack: 5, atRisk: 2, offTrack: 1, noCheckIn: 0, checkInsDue: 0 };
    expect(riskSummary(summary)).toBe('At risk first: 1 off, 2 at risk, 5 on track');
    expect(riskSummary({ ...summary, noCheckIn: 2 })).toBe(
      'At risk first: 1 off, 2 at risk, 5 on track, 2 with no check-in',
    );
  });

  it('stamps the data in UTC whatever the reader’s time zone, 24-hour clock', () => {
    expect(formatUtcStamp('2026-11-27T09:00:00.000Z')).toBe('27 Nov 09:00 UTC');
    expect(formatUtcStamp('2026-11-27T23:30:00.000-02:00')).toBe('28 Nov 01:30 UTC');
    expect(asOfLine('2026-Q4', '2026-11-27T09:00:00.000Z')).toBe('2026-Q4, data as of 27 Nov 09:00 UTC');
    expect(formatUtcStamp('not a date')).toBe('—');
  });
});
