import { describe, expect, it } from 'vitest';
import { lastMondayNine, localDay, localHour } from './local-time';

describe('local time', () => {
  it('finds the latest Monday 09:00 on each zone’s own wall clock', () => {
    // Monday 2026-12-07 08:30 UTC: already 09:30 in Berlin, not yet 09:00 in London or New York.
    const now = new Date('2026-12-07T08:30:00Z');
    expect(lastMondayNine('Europe/Berlin', now)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(lastMondayNine('Europe/London', now)?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(lastMondayNine('America/New_York', now)?.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(lastMondayNine('Asia/Kolkata', now)?.toISOString()).toBe('2026-12-07T03:30:00.000Z');
  });

  it('follows daylight saving time (Berlin: 09:00 is 07:00 UTC in summer, 08:00 in winter)', () => {
    expect(lastMondayNine('Europe/Berlin', new Date('2026-07-06T12:00:00Z'))?.toISOString()).toBe(
      '2026-07-06T07:00:00.000Z',
    );
  });

  it('reads the local hour and day', () => {
    const now = new Date('2026-12-06T23:30:00Z');
    expect(localHour('Europe/Berlin', now)).toBe(0);
    expect(localDay('Europe/Berlin', now)).toBe('2026-12-07');
    expect(localHour('UTC', now)).toBe(23);
    expect(localDay('America/Los_Angeles', now)).toBe('2026-12-06');
  });
});
