import { DAY_MS } from '@keyline/shared';
import { formatPercent } from '../../../lib/format';

/** A cycle's days as instants: from the start of startsOn to the end of endsOn (UTC). */
export function cycleBounds(cycle: { startsOn: string; endsOn: string }): { start: number; end: number } {
  const start = Date.parse(`${cycle.startsOn}T00:00:00Z`);
  const end = Date.parse(`${cycle.endsOn}T00:00:00Z`) + DAY_MS;
  return { start, end };
}

/**
 * Where progress should be today if the KR moved in a straight line from
 * start to target over the cycle: the elapsed fraction, capped to 0..1.
 */
export function expectedProgress(cycle: { startsOn: string; endsOn: string }, now: Date): number {
  const { start, end } = cycleBounds(cycle);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return 0;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** "55% done, pace expects 71%". */
export function paceSentence(progress: number, expected: number): string {
  return `${formatPercent(progress)} done, pace expects ${formatPercent(expected)}`;
}
