import { describe, expect, it } from 'vitest';
import { planReminders, reminderContent, reminderMark, SECOND_REMINDER_AFTER_MS, type DueKeyResult } from './reminders';

const DAY = 86_400_000;
const now = Date.parse('2026-12-07T10:00:00Z');
const kr = (id: string, ownerId = 'ana', over: Partial<DueKeyResult> = {}): DueKeyResult => ({
  id,
  title: `KR ${id}`,
  ownerId,
  unit: '%',
  startValue: 4,
  currentValue: 5.1,
  targetValue: 6,
  dueAt: '2026-12-05T00:00:00.000Z',
  lastCheckInAt: '2026-11-28T00:00:00.000Z',
  ...over,
});

describe('planReminders', () => {
  it('sends each owner one message listing all their due KRs, not one per KR', () => {
    const plans = planReminders([kr('a'), kr('b'), kr('c', 'sam')], new Map(), now);
    expect(plans.map((p) => [p.userId, p.stage, p.keyResults.map((k) => k.id)])).toEqual([
      ['ana', 1, ['a', 'b']],
      ['sam', 1, ['c']],
    ]);
    expect(plans[0]!.marks).toEqual([reminderMark(kr('a'), 1), reminderMark(kr('b'), 1)]);
  });

  it('reminds once, again a week later if still due, then stays quiet until a check-in starts a new stretch', () => {
    const first = planReminders([kr('a')], new Map(), now);
    const marks = new Map(first[0]!.marks.map((k) => [k, new Date(now).toISOString()]));
    expect(planReminders([kr('a')], marks, now + 6 * DAY)).toEqual([]);
    const second = planReminders([kr('a')], marks, now + SECOND_REMINDER_AFTER_MS);
    expect(second.map((p) => p.stage)).toEqual([2]);
    for (const k of second[0]!.marks) marks.set(k, new Date(now + 7 * DAY).toISOString());
    expect(planReminders([kr('a')], marks, now + 30 * DAY)).toEqual([]);
    // A check-in moved dueAt: a new stretch, a first reminder again.
    expect(
      planReminders([kr('a', 'ana', { dueAt: '2026-12-20T00:00:00.000Z' })], marks, now + 30 * DAY)[0]?.stage,
    ).toBe(1);
  });

  it('lists a KR reminded a few days ago when another one prompts a message, without a second reminder for it', () => {
    const marks = new Map([[reminderMark(kr('a'), 1), new Date(now - 3 * DAY).toISOString()]]);
    const [plan] = planReminders([kr('a'), kr('b')], marks, now);
    expect(plan!.keyResults.map((k) => k.id)).toEqual(['a', 'b']);
    expect(plan!.marks).toEqual([reminderMark(kr('b'), 1)]);
    expect(plan!.stage).toBe(1);
  });
});

describe('reminderContent', () => {
  it('names one KR in the subject and links to it; several are counted, with a link to the owner’s KRs', () => {
    const one = reminderContent({ userId: 'ana', stage: 1, keyResults: [kr('a')], marks: [] }, 7, now);
    expect(one.subject).toBe('“KR a” needs a check-in');
    expect(one.sections[0]!.items[0]).toEqual({
      text: 'KR a: 4 → 5.1 → 6 %',
      detail: 'Last check-in 9 days ago',
      path: '/key-results/a',
    });
    expect(one.action).toEqual({ label: 'Check in', path: '/key-results/a' });
    const two = reminderContent(
      { userId: 'ana', stage: 2, keyResults: [kr('a'), kr('b', 'ana', { lastCheckInAt: null })], marks: [] },
      7,
      now,
    );
    expect(two.subject).toBe('Still due: 2 key results need a check-in');
    expect(two.sections[0]!.items[1]!.detail).toBe('No check-in yet this quarter');
    expect(two.action.path).toBe('/okrs?owner=ana');
  });
});
