import { describe, expect, it } from 'vitest';
import { checkInDueAt, isCheckInDue } from './cadence';
import { gradeBand, isGradeStep, objectiveGrade, suggestedGrade } from './grading';
import { CloseCycleSchema, GradeKeyResultSchema } from './lifecycle.schemas';

describe('grading', () => {
  it('suggests clamp(progress, 0, 1) rounded to 0.1', () => {
    expect(suggestedGrade(0.66)).toBe(0.7);
    expect(suggestedGrade(0.64)).toBe(0.6);
    expect(suggestedGrade(1.4)).toBe(1);
    expect(suggestedGrade(-0.2)).toBe(0);
    expect(suggestedGrade(null)).toBe(0);
  });

  it('bands 0.7–1.0 green, 0.4–0.6 yellow, 0.0–0.3 red, and rolled-up values between steps by their floor', () => {
    expect([1, 0.7, 0.6, 0.4, 0.3, 0].map(gradeBand)).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red']);
    expect(gradeBand(0.65)).toBe('yellow');
    expect(gradeBand(0.1 * 7)).toBe('green'); // 0.7000000000000001
    expect(gradeBand(0.35)).toBe('red');
  });

  it('accepts grades in steps of 0.1 only', () => {
    expect([0, 0.1, 0.3, 0.7, 1].every(isGradeStep)).toBe(true);
    expect([0.05, 1.1, -0.1, Number.NaN].some(isGradeStep)).toBe(false);
    expect(GradeKeyResultSchema.safeParse({ grade: 0.25 }).success).toBe(false);
    expect(GradeKeyResultSchema.parse({ grade: 0.3 })).toEqual({ grade: 0.3, note: '' });
  });

  it('rolls grades up by KR weight once every KR is graded', () => {
    expect(
      objectiveGrade([
        { grade: 1, weight: 3 },
        { grade: 0.2, weight: 1 },
      ]),
    ).toBe(0.8);
    expect(
      objectiveGrade([
        { grade: 1, weight: 1 },
        { grade: null, weight: 1 },
      ]),
    ).toBeNull();
    expect(objectiveGrade([])).toBeNull();
  });
});

describe('check-in cadence', () => {
  const kr = {
    cycleStatus: 'active' as const,
    cycleStartsOn: '2026-01-01',
    keyResultCreatedAt: '2025-12-20T10:00:00.000Z',
    lastCheckInAt: null,
  };

  it('counts from the cycle start when the KR was created before it and has no check-in', () => {
    expect(checkInDueAt(kr, 7)).toBe('2026-01-08T00:00:00.000Z');
    expect(isCheckInDue(kr, 7, Date.parse('2026-01-07T23:59:59Z'))).toBe(false);
    expect(isCheckInDue(kr, 7, Date.parse('2026-01-08T00:00:00Z'))).toBe(true);
  });

  it('counts from the KR creation when it came later, and from the last check-in once there is one', () => {
    expect(checkInDueAt({ ...kr, keyResultCreatedAt: '2026-02-01T12:00:00.000Z' }, 7)).toBe('2026-02-08T12:00:00.000Z');
    expect(checkInDueAt({ ...kr, lastCheckInAt: '2026-03-01T09:00:00.000Z' }, 14)).toBe('2026-03-15T09:00:00.000Z');
  });

  it('never asks for check-ins outside the active cycle', () => {
    expect(isCheckInDue({ ...kr, cycleStatus: 'closed' }, 7, Date.parse('2027-01-01'))).toBe(false);
    expect(isCheckInDue({ ...kr, cycleStatus: 'planning' }, 7, Date.parse('2027-01-01'))).toBe(false);
  });
});

describe('CloseCycleSchema', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('needs a next cycle to carry into, and not two of them', () => {
    expect(CloseCycleSchema.safeParse({ carryOverKeyResultIds: [id] }).success).toBe(false);
    expect(
      CloseCycleSchema.safeParse({
        nextCycleId: id,
        nextCycle: { name: 'Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' },
      }).success,
    ).toBe(false);
    expect(CloseCycleSchema.safeParse({ carryOverKeyResultIds: [id, id], nextCycleId: id }).success).toBe(false);
    expect(CloseCycleSchema.parse({})).toEqual({ carryOverKeyResultIds: [] });
  });
});
