import { describe, expect, it } from 'vitest';
import { defaultCycleId, forwardStatuses } from './cycle-status';

describe('forwardStatuses', () => {
  it('offers the current status and the ones after it, never going back', () => {
    expect(forwardStatuses('planning')).toEqual(['planning', 'active', 'closed']);
    expect(forwardStatuses('active')).toEqual(['active', 'closed']);
    expect(forwardStatuses('closed')).toEqual(['closed']);
  });
});

describe('defaultCycleId', () => {
  const cycles = [
    { id: 'q1', status: 'planning' as const },
    { id: 'q4', status: 'active' as const },
    { id: 'q3', status: 'closed' as const },
  ];

  it('honours the cycle in the URL when it exists', () => {
    expect(defaultCycleId(cycles, 'q3')).toBe('q3');
  });

  it('falls back to the active cycle, then to the newest, then to none', () => {
    expect(defaultCycleId(cycles, 'gone')).toBe('q4');
    expect(defaultCycleId(cycles, null)).toBe('q4');
    expect(defaultCycleId([cycles[0]!, cycles[2]!], null)).toBe('q1');
    expect(defaultCycleId([], null)).toBeNull();
  });
});
