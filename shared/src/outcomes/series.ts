// A KR's value over time, read from its check-ins: the start value at the
// cycle's first moment, then each check-in at the time it is for. Between
// two points the value is interpolated linearly; before the first it is the
// first; after the last it stays at the last.
import type { OutcomeCheckIn } from './types';

export interface SeriesPoint {
  /** epoch ms */
  t: number;
  value: number;
  /** false for the start value placed at the cycle's start. */
  observed: boolean;
}

/**
 * Sorted, one point per moment (the later-entered check-in wins a tie, then
 * the higher value, so the input order never matters). Check-ins after
 * `untilMs` and malformed ones are left out. The start value is placed at
 * `startMs` unless a check-in is already there or earlier.
 */
export function buildSeries(
  startValue: number,
  startMs: number,
  checkIns: readonly OutcomeCheckIn[],
  untilMs: number,
): SeriesPoint[] {
  const usable = checkIns
    .map((c) => ({ t: Date.parse(c.at), value: c.value, recordedAt: c.recordedAt ?? '' }))
    .filter((c) => Number.isFinite(c.t) && Number.isFinite(c.value) && c.t <= untilMs)
    .sort(
      (a, b) =>
        a.t - b.t || (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0) || a.value - b.value,
    );
  const points: SeriesPoint[] = [];
  for (const c of usable) {
    const last = points[points.length - 1];
    // Same moment: the later one in sort order wins.
    if (last && last.t === c.t) last.value = c.value;
    else points.push({ t: c.t, value: c.value, observed: true });
  }
  const first = points[0];
  if (!first || first.t > startMs) points.unshift({ t: startMs, value: startValue, observed: false });
  return points;
}

/** Index of the last point at or before t; -1 when t is before the first point. */
export function lastIndexAtOrBefore(series: readonly SeriesPoint[], t: number): number {
  let lo = 0;
  let hi = series.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((series[mid] as SeriesPoint).t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The value at t: interpolated between the points around it, else the nearest end. */
export function valueAt(series: readonly SeriesPoint[], t: number): number {
  const i = lastIndexAtOrBefore(series, t);
  if (i < 0) return (series[0] as SeriesPoint).value;
  const before = series[i] as SeriesPoint;
  const after = series[i + 1];
  if (!after || before.t === t) return before.value;
  return before.value + ((after.value - before.value) * (t - before.t)) / (after.t - before.t);
}
