// Charts on the dashboard draw a point per check-in. A quarter of weekly
// check-ins is a dozen points; a KR checked in by a script every few seconds
// could be thousands, which no small multiple can show and every viewer
// would download. Long series are thinned on the server to a bounded number
// of points that keeps the shape of a step chart.

/** The most points a dashboard series carries. */
export const MAX_SERIES_POINTS = 400;

/**
 * `points` (oldest first) if there are at most `max`; otherwise the last
 * point of each of `max - 1` equal time buckets between the first and the
 * last point, plus the first point: the value standing at the end of each
 * bucket, so a step chart of the result follows the original, and the
 * latest point always survives.
 */
export function thinSeries<T>(points: readonly T[], timeOf: (point: T) => string, max = MAX_SERIES_POINTS): T[] {
  if (points.length <= max) return [...points];
  const first = points[0] as T;
  const start = Date.parse(timeOf(first));
  const span = Date.parse(timeOf(points.at(-1) as T)) - start;
  const buckets = max - 1;
  const kept: T[] = [first];
  let lastBucket = -1;
  for (let i = 1; i < points.length; i++) {
    const point = points[i] as T;
    const bucket =
      span > 0
        ? Math.min(buckets - 1, Math.floor(((Date.parse(timeOf(point)) - start) / span) * buckets))
        : buckets - 1;
    // Oldest first, so a later point in the same bucket replaces the earlier one.
    if (bucket === lastBucket) kept[kept.length - 1] = point;
    else kept.push(point);
    lastBucket = bucket;
  }
  return kept;
}
