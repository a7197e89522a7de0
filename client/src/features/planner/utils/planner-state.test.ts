import { describe, expect, it } from 'vitest';
import type { Plan } from '@keyline/shared';
import {
  capacityLine,
  compareSentence,
  NO_OVERRIDES,
  parseCapacity,
  plannerPath,
  toggleExclude,
  toggleInclude,
} from './planner-state';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('planner inputs', () => {
  it('reads the capacity with the server’s own schema and messages', () => {
    expect(parseCapacity(' 42.5 ')).toEqual({ ok: true, capacity: 42.5 });
    expect(parseCapacity('0')).toEqual({ ok: true, capacity: 0 });
    expect(parseCapacity('-3')).toEqual({ ok: false, message: 'At least 0' });
    expect(parseCapacity('lots')).toEqual({ ok: false, message: 'Must be a number' });
    expect(parseCapacity('')).toEqual({ ok: false, message: 'Enter the capacity in effort points' });
  });

  it('keeps an item forced in or left out, never both, and toggles back', () => {
    let o = toggleInclude(NO_OVERRIDES, A);
    expect(o).toEqual({ include: [A], exclude: [] });
    o = toggleExclude(o, A);
    expect(o).toEqual({ include: [], exclude: [A] });
    o = toggleInclude(toggleExclude(o, B), A);
    expect(o).toEqual({ include: [A], exclude: [B] });
    expect(toggleInclude(o, A)).toEqual({ include: [], exclude: [B] });
  });

  it('asks GET /api/planner with only what is set', () => {
    expect(plannerPath({ cycleId: null, teamId: null, capacity: 40, overrides: NO_OVERRIDES })).toBe(
      '/api/planner?capacity=40',
    );
    expect(
      plannerPath({ cycleId: 'c', teamId: 't', capacity: 12.5, overrides: { include: [A, B], exclude: [] } }),
    ).toBe(`/api/planner?cycleId=c&teamId=t&capacity=12.5&include=${A}%2C${B}`);
  });
});

describe('planner figures in words', () => {
  it('says how much capacity is used and what is left, or by how much forced items overflow it', () => {
    expect(capacityLine({ usedEffort: 38, capacity: 40, remainingCapacity: 2 })).toBe('38 of 40 pts used · 2 left');
    expect(capacityLine({ usedEffort: 43, capacity: 40, remainingCapacity: -3 })).toBe('43 of 40 pts used · over by 3');
  });

  it('compares the two plans in one sentence', () => {
    const plan = (items: number, covered: number, uncovered: number, misaligned: number | null) =>
      ({
        items: Array.from({ length: items }, (_, i) => ({ id: String(i) })),
        coveredKeyResults: Array.from({ length: covered }, () => ({})),
        uncoveredKeyResults: Array.from({ length: uncovered }, () => ({})),
        misalignedEffortShare: misaligned,
      }) as unknown as Plan;
    expect(compareSentence({ byValue: plan(12, 9, 3, 0.05), byRank: plan(15, 6, 6, 0.38) })).toBe(
      'By value: 12 items cover 9 of 12 key results, 5% misaligned. By current rank: 15 items cover 6 of 12, 38% misaligned.',
    );
    expect(compareSentence({ byValue: plan(1, 1, 0, 0), byRank: plan(0, 0, 1, null) })).toBe(
      'By value: 1 item covers 1 of 1 key results, 0% misaligned. By current rank: 0 items cover 0 of 1, nothing planned.',
    );
  });
});
