import { describe, expect, it } from 'vitest';
import type { Cycle, KeyResult } from '@keyline/shared';
import { carryCandidates, carryTargets, closeBody, movedLinks, nextQuarter } from './close-plan';

const kr = (id: string, progress: number, openItemCount: number, carriedToId: string | null = null) =>
  ({ id, progress, openItemCount, carriedToId }) as KeyResult;
const cycle = (id: string, status: Cycle['status']) =>
  ({ id, status, name: id, startsOn: '2026-10-01', endsOn: '2026-12-31' }) as Cycle;

describe('the close wizard’s plan', () => {
  it('suggests the calendar quarter after the closing one', () => {
    expect(nextQuarter({ endsOn: '2026-12-31' })).toEqual({
      name: '2027-Q1',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
    });
    expect(nextQuarter({ endsOn: '2026-06-30' })).toEqual({
      name: '2026-Q3',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
    });
    // A quarter ending mid-month: the next starts the day after and runs to its quarter's end.
    expect(nextQuarter({ endsOn: '2026-11-15' })).toEqual({
      name: '2026-Q4',
      startsOn: '2026-11-16',
      endsOn: '2026-12-31',
    });
  });

  it('offers only other cycles that are not closed to carry into', () => {
    expect(
      carryTargets([cycle('now', 'active'), cycle('next', 'planning'), cycle('old', 'closed')], { id: 'now' }).map(
        (c) => c.id,
      ),
    ).toEqual(['next']);
  });

  it('offers unfinished KRs not carried already, and counts the open links that move with the chosen ones', () => {
    const krs = [kr('a', 0.4, 3), kr('b', 1, 5), kr('c', 1.2, 1), kr('d', 0.9, 2, 'copy'), kr('e', -0.1, 0)];
    expect(carryCandidates(krs).map((k) => k.id)).toEqual(['a', 'e']);
    expect(movedLinks(krs, new Set(['a', 'e']))).toBe(3);
  });

  it('builds the close body for each choice of next quarter', () => {
    expect(closeBody({ kind: 'existing', cycleId: 'n' }, ['a'])).toEqual({
      nextCycleId: 'n',
      carryOverKeyResultIds: ['a'],
    });
    expect(closeBody({ kind: 'new', name: ' 2027-Q1 ', startsOn: '2027-01-01', endsOn: '2027-03-31' }, [])).toEqual({
      nextCycle: { name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
      carryOverKeyResultIds: [],
    });
    expect(closeBody({ kind: 'none' }, ['a'])).toEqual({ carryOverKeyResultIds: [] });
  });
});
