import type { CheckIn } from '@keyline/shared';

export interface CheckInWithDelta extends CheckIn {
  /** The value before this check-in: the previous check-in's, or the KR's start value for the first. */
  previousValue: number;
  delta: number;
}

/**
 * History rows newest first, each with the change since the check-in before
 * it ("35 → 31, −4"), whatever order the check-ins arrive in.
 */
export function withDeltas(checkIns: CheckIn[], startValue: number): CheckInWithDelta[] {
  const oldestFirst = [...checkIns].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  let previousValue = startValue;
  const rows = oldestFirst.map((c) => {
    const row = { ...c, previousValue, delta: c.value - previousValue };
    previousValue = c.value;
    return row;
  });
  return rows.reverse();
}
