import { describe, expect, it } from 'vitest';
import { DAY_MS, isoDay, parseDay } from './dates';

describe('days', () => {
  it('writes the UTC day of an instant', () => {
    expect(isoDay(new Date('2025-07-01T23:59:59.999Z'))).toBe('2025-07-01');
    expect(isoDay(Date.UTC(2025, 6, 2))).toBe('2025-07-02');
  });

  it('reads a day back as its UTC midnight, and refuses days that do not exist', () => {
    expect(parseDay('2025-07-01')).toBe(Date.UTC(2025, 6, 1));
    expect(parseDay('2025-07-01') + DAY_MS).toBe(parseDay('2025-07-02'));
    expect(parseDay('2025-02-31')).toBeNaN();
    expect(parseDay('1 July')).toBeNaN();
  });
});
