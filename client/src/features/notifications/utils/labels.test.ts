import { describe, expect, it } from 'vitest';
import { timeZones, when } from './labels';

describe('when', () => {
  const now = Date.parse('2026-12-07T09:00:00Z');
  it('says how long ago or how soon, then the date', () => {
    expect(when(null, now)).toBe('—');
    expect(when('2026-12-07T08:59:40Z', now)).toBe('just now');
    expect(when('2026-12-07T08:57:00Z', now)).toBe('3 min ago');
    expect(when('2026-12-07T09:12:00Z', now)).toBe('in 12 min');
    expect(when('2026-12-07T05:00:00Z', now)).toBe('4 h ago');
    expect(when('2026-11-30T09:12:00Z', now)).toMatch(/^30 Nov/);
  });
});

describe('timeZones', () => {
  it('starts with UTC and lists the zones the runtime knows', () => {
    const zones = timeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
