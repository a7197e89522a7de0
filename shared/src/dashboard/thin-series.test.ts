import { describe, expect, it } from 'vitest';
import { thinSeries } from './thin-series';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const series = (n: number) => Array.from({ length: n }, (_, i) => ({ at: at(i), value: i }));

describe('thinSeries', () => {
  it('leaves a series of at most the limit as it is', () => {
    const points = series(12);
    expect(thinSeries(points, (p) => p.at, 12)).toEqual(points);
  });

  it('keeps at most the limit, the first and the last point, in time order', () => {
    const points = series(5_000);
    const thinned = thinSeries(points, (p) => p.at, 400);
    expect(thinned.length).toBeLessThanOrEqual(400);
    expect(thinned.length).toBeGreaterThan(390);
    expect(thinned[0]).toEqual(points[0]);
    expect(thinned.at(-1)).toEqual(points.at(-1));
    expect(thinned.every((p, i) => i === 0 || p.value > thinned[i - 1]!.value)).toBe(true);
  });

  it('keeps the value standing at the end of each stretch, so a burst collapses to its last point', () => {
    // A week of daily points, then 1,000 check-ins within one minute on the last day.
    const daily = Array.from({ length: 7 }, (_, d) => ({
      at: new Date(Date.UTC(2026, 0, 1 + d)).toISOString(),
      value: d,
    }));
    const burstStart = Date.UTC(2026, 0, 7, 12);
    const burst = Array.from({ length: 1_000 }, (_, i) => ({
      at: new Date(burstStart + i * 50).toISOString(),
      value: 100 + i,
    }));
    const thinned = thinSeries([...daily, ...burst], (p) => p.at, 50);
    expect(thinned.slice(0, 6)).toEqual(daily.slice(0, 6));
    expect(thinned.at(-1)).toEqual(burst.at(-1));
    expect(thinned.length).toBeLessThanOrEqual(50);
  });
});
