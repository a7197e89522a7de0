// Check-in cadence: a KR of the active cycle with no check-in for N days is
// "check-in due". Counted from the last check-in, or, before the first one,
// from the later of the cycle's start and the KR's creation.
import { DAY_MS } from '../common/dates';

export const DEFAULT_CHECK_IN_CADENCE_DAYS = 7;

export interface CadenceInput {
  cycleStatus: 'planning' | 'active' | 'closed';
  /** 'YYYY-MM-DD' (UTC). */
  cycleStartsOn: string;
  /** ISO timestamp. */
  keyResultCreatedAt: string;
  /** ISO timestamp of the latest check-in; null before the first. */
  lastCheckInAt: string | null;
}

/** When the next check-in falls due (ISO timestamp); null when check-ins are not expected (cycle not active). */
export function checkInDueAt(kr: CadenceInput, cadenceDays: number): string | null {
  if (kr.cycleStatus !== 'active') return null;
  const from = kr.lastCheckInAt
    ? Date.parse(kr.lastCheckInAt)
    : Math.max(Date.parse(`${kr.cycleStartsOn}T00:00:00.000Z`), Date.parse(kr.keyResultCreatedAt));
  if (!Number.isFinite(from)) return null;
  return new Date(from + cadenceDays * DAY_MS).toISOString();
}

/** True once cadenceDays have passed with no check-in. */
export function isCheckInDue(kr: CadenceInput, cadenceDays: number, now: Date | number = Date.now()): boolean {
  const due = checkInDueAt(kr, cadenceDays);
  return due !== null && (typeof now === 'number' ? now : now.getTime()) >= Date.parse(due);
}
