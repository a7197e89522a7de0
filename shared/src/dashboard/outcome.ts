// "Output without outcome": the work linked to a KR is mostly done, yet the
// KR has not moved since that work was finished.
import { keyResultProgress } from '../key-results/progress';

/** At least this share of a KR's linked (not dropped) items must be done. */
export const MOSTLY_DONE_SHARE = 2 / 3;

export interface OutcomeInput {
  startValue: number;
  targetValue: number;
  currentValue: number;
  /** Linked items; dropped ones are ignored. doneAt is when a done item became done. */
  linkedItems: readonly { status: string; doneAt: string | null }[];
  /** Check-ins in any order. */
  checkIns: readonly { at: string; value: number }[];
}

export interface OutcomeGap {
  linkedItems: number;
  doneItems: number;
  doneSince: string;
  progressThen: number;
  progressNow: number;
}

/**
 * Null unless ≥ 2/3 of the linked items are done and the KR's progress now
 * is no higher than it was when the earliest of them was done (its value
 * then = the last check-in at or before that moment, else the start value).
 * An achieved KR (progress ≥ 1) is never flagged.
 */
export function outputWithoutOutcome(kr: OutcomeInput): OutcomeGap | null {
  const linked = kr.linkedItems.filter((i) => i.status !== 'dropped');
  const done = linked.filter((i) => i.status === 'done');
  if (done.length === 0 || done.length < MOSTLY_DONE_SHARE * linked.length) return null;
  const doneTimes = done
    .map((i) => i.doneAt)
    .filter((t): t is string => t !== null)
    .sort();
  const doneSince = doneTimes[0];
  if (doneSince === undefined) return null;
  // `+ 0` turns the -0 of a decreasing KR that has not moved into 0.
  const progressNow = (keyResultProgress(kr) ?? 0) + 0;
  if (progressNow >= 1) return null;
  let valueThen = kr.startValue;
  let latestThen = '';
  for (const c of kr.checkIns) {
    if (c.at <= doneSince && c.at >= latestThen) {
      latestThen = c.at;
      valueThen = c.value;
    }
  }
  const progressThen = (keyResultProgress({ ...kr, currentValue: valueThen }) ?? 0) + 0;
  // A hair of tolerance so float noise is not "movement".
  if (progressNow > progressThen + 1e-9) return null;
  return { linkedItems: linked.length, doneItems: done.length, doneSince, progressThen, progressNow };
}
