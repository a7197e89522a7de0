import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../lib/format';
import { describeKeyResultEvent, joinWords } from './audit-sentences';

const kr = {
  title: 'Cut tickets',
  metricType: 'number',
  startValue: 40,
  targetValue: 25,
  currentValue: 40,
  unit: 'tickets',
  weight: 1,
  ownerId: null,
};

describe('describeKeyResultEvent', () => {
  it('describes a creation with its start and target', () => {
    expect(describeKeyResultEvent({ action: 'create', before: null, after: kr })).toBe(
      'created this key result: 40 tickets → 25 tickets',
    );
  });

  it('describes a check-in with the value it moved from, the confidence and the note', () => {
    const after = { ...kr, currentValue: 31, checkIn: { value: 31, confidence: 6, note: 'Macro shipped' } };
    expect(describeKeyResultEvent({ action: 'update', before: kr, after })).toBe(
      'checked in 31 tickets (was 40 tickets), confidence 6/10: “Macro shipped”',
    );
  });

  it('names the day a check-in was for when it was recorded late', () => {
    const checkIn = {
      value: 31,
      confidence: 6,
      note: '',
      at: '2026-11-02T12:00:00.000Z',
      createdAt: '2026-11-09T08:00:00.000Z',
    };
    expect(describeKeyResultEvent({ action: 'update', before: kr, after: { ...kr, checkIn } })).toBe(
      `checked in 31 tickets for ${formatDay('2026-11-02T12:00:00.000Z')} (was 40 tickets), confidence 6/10`,
    );
  });

  it('lists each changed field with before and after, in the KR unit', () => {
    const after = { ...kr, targetValue: 20, title: 'Cut support tickets' };
    expect(describeKeyResultEvent({ action: 'update', before: kr, after })).toBe(
      'changed title from “Cut tickets” to “Cut support tickets” and target from 25 tickets to 20 tickets',
    );
  });

  it('says "edited" when nothing it knows changed, and "deleted" on delete', () => {
    expect(describeKeyResultEvent({ action: 'update', before: kr, after: kr })).toBe('edited this key result');
    expect(describeKeyResultEvent({ action: 'delete', before: kr, after: null })).toBe('deleted this key result');
  });
});

describe('joinWords', () => {
  it('joins with commas and a final "and"', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
