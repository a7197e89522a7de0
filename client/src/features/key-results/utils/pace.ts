import { DAY_MS, expectedProgress as sharedExpectedProgress, parseDay } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';

/** A cycle's days as instants: from the start of startsOn to the end of endsOn (UTC). */
export function cycleBounds(cycle: { startsOn: string; endsOn: string }): { start: number; end: number } {
  const start = parseDay(cycle.startsOn);
  const end = parseDay(cycle.endsOn) + DAY_MS;
  return { start, end };
}

/**
 * Where progress should be today if the KR moved in a straight line from
 * start to target over the cycle: the elapsed fraction, capped to 0..1.
 */
export function expectedProgress(cycle: { startsOn: string; endsOn: string }, now: Date): number {
  // The shared rule (the dashboard's and the scoring engine's); nonsense dates expect nothing.
  return sharedExpectedProgress(cycle, now) ?? 0;
}

/** "55% done, pace expects 71%". */
export function paceSentence(progress: number, expected: number): string {
  return `${formatPercent(progress)} done, pace expects ${formatPercent(expected)}`;
}
