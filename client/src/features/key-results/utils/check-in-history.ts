import type { CheckIn } from '@keyline/shared';

export interface CheckInWithDelta extends CheckIn {
  /** The value before this check-in: the previous check-in's, or the KR's start value for the first. */
  previousValue: number;
  delta: number;
}

/** Check-ins in the order of the moments they are for (a later entry wins a tie). */
export function byMoment(a: Pick<CheckIn, 'at' | 'createdAt'>, b: Pick<CheckIn, 'at' | 'createdAt'>): number {
  return a.at.localeCompare(b.at) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * History rows newest first, each with the change since the check-in before
 * it ("35 → 31, −4"), whatever order the check-ins arrive in. Ordered by the
 * moment each value is for, so a number recorded late sits where it belongs.
 */
export function withDeltas(checkIns: CheckIn[], startValue: number): CheckInWithDelta[] {
  const oldestFirst = [...checkIns].sort(byMoment);
  let previousValue = startValue;
  const rows = oldestFirst.map((c) => {
    const row = { ...c, previousValue, delta: c.value - previousValue };
    previousValue = c.value;
    return row;
  });
  return rows.reverse();
}

/** Entered more than an hour after the moment it is for: a number recorded late. */
export function enteredLater(c: Pick<CheckIn, 'at' | 'createdAt'>): boolean {
  return Date.parse(c.createdAt) - Date.parse(c.at) > 3_600_000;
}
