import { keyResultProgress, type Dashboard, type DashboardKeyResult, type KeyResultTrend } from '@keyline/shared';
import { formatDay, formatPercent } from '../../../lib/format';
import { BAND_LABEL, STATUS_BAND } from '../../key-results/utils/confidence';
import { monthTicks } from '../../key-results/utils/chart-series';
import { cycleBounds } from '../../key-results/utils/pace';

export interface TrendPoint {
  /** Epoch milliseconds. */
  t: number;
  /** Share of the way from start to target (1 = target), unclamped. */
  progress: number;
  kind: 'start' | 'check-in' | 'carried';
}

export interface TrendChartModel {
  keyResultId: string;
  title: string;
  points: TrendPoint[];
  /** The expected-pace diagonal: 0% at the cycle's start to 100% at its end. */
  pace: [{ x: number; y: number }, { x: number; y: number }];
  /** Latest progress; null before the first check-in (reads "No check-in", never 0%). */
  latest: number | null;
  checkIns: number;
  sentence: string;
}

/** One set of axes for every small multiple, so the eye compares like with like (docs/UI.md, "Charts"). */
export interface TrendAxes {
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  today: number | null;
}

/** How far the shared value axis may stretch: one KR at 400% must not flatten the other eleven. */
const Y_FLOOR = -0.5;
const Y_CEILING = 1.5;

/**
 * Everything the KR small multiples draw, as plain data: % of target over
 * the quarter for each KR, the same x and y range for all of them, the pace
 * diagonal and today. Points outside the shared range are clipped on the
 * chart, never in the sentence, which always carries the real figure.
 */
export function buildTrendModels(
  dashboard: Pick<Dashboard, 'cycle' | 'keyResults' | 'trends'>,
  now: Date,
): { axes: TrendAxes; charts: TrendChartModel[] } {
  const bounds = dashboard.cycle ? cycleBounds(dashboard.cycle) : { start: now.getTime(), end: now.getTime() + 1 };
  const trendById = new Map(dashboard.trends.map((t) => [t.keyResultId, t]));
  const carryTo = Math.min(now.getTime(), bounds.end);
  const charts: TrendChartModel[] = [];
  let xMin = bounds.start;
  let xMax = bounds.end;
  for (const kr of dashboard.keyResults) {
    const trend = trendById.get(kr.id);
    if (!trend) continue;
    const chart = buildChart(kr, trend, bounds, carryTo);
    for (const p of chart.points) {
      xMin = Math.min(xMin, p.t);
      xMax = Math.max(xMax, p.t);
    }
    charts.push(chart);
  }
  const progresses = charts.flatMap((c) => c.points.map((p) => p.progress));
  const yDomain = shareDomain(progresses);
  const t = now.getTime();
  return {
    axes: {
      xDomain: [xMin, xMax],
      xTicks: monthTicks(xMin, xMax),
      yDomain,
      yTicks: shareTicks(yDomain),
      today: t >= xMin && t <= xMax ? t : null,
    },
    charts,
  };
}

function buildChart(
  kr: DashboardKeyResult,
  trend: KeyResultTrend,
  bounds: { start: number; end: number },
  carryTo: number,
): TrendChartModel {
  const progressOf = (value: number) =>
    keyResultProgress({ startValue: trend.startValue, targetValue: trend.targetValue, currentValue: value }) ?? 0;
  const checkIns = trend.points
    .map((p) => ({ t: Date.parse(p.at), progress: progressOf(p.value) }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t);
  const points: TrendPoint[] = [];
  if (checkIns.length > 0) {
    const first = checkIns[0] as { t: number };
    points.push({ t: Math.min(bounds.start, first.t), progress: 0, kind: 'start' });
    for (const c of checkIns) points.push({ ...c, kind: 'check-in' });
    const last = points[points.length - 1] as TrendPoint;
    // The step line is carried to today (or the quarter's end) so its last level reads as current.
    if (carryTo > last.t) points.push({ t: carryTo, progress: last.progress, kind: 'carried' });
  }
  const from = Date.parse(trend.expectedLine.from.at);
  const to = Date.parse(trend.expectedLine.to.at);
  const latest = checkIns.length > 0 ? kr.progress : null;
  return {
    keyResultId: kr.id,
    title: kr.title,
    points,
    pace: [
      { x: Number.isFinite(from) ? from : bounds.start, y: 0 },
      { x: Number.isFinite(to) ? to : bounds.end, y: 1 },
    ],
    latest,
    checkIns: checkIns.length,
    sentence: trendSentence(kr, checkIns.length, trend.points[trend.points.length - 1]?.at ?? null),
  };
}

/** The text alternative of one small multiple. */
export function trendSentence(
  kr: Pick<DashboardKeyResult, 'title' | 'progress' | 'expectedProgress' | 'status'>,
  checkIns: number,
  lastAt: string | null,
): string {
  const pace = kr.expectedProgress === null ? '' : `; pace expects ${formatPercent(kr.expectedProgress)}`;
  if (checkIns === 0) return `${kr.title}: No check-in yet${pace}.`;
  const count = checkIns === 1 ? '1 check-in' : `${checkIns} check-ins`;
  return `${kr.title}: ${formatPercent(kr.progress)} of target on ${formatDay(lastAt)}${pace}. ${BAND_LABEL[STATUS_BAND[kr.status]]}, ${count}.`;
}

/** 0%–100% at least, widened in quarter steps to what is drawn, within the floor and ceiling. */
export function shareDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(1, ...finite);
  return [Math.max(Y_FLOOR, Math.floor(low * 4) / 4), Math.min(Y_CEILING, Math.ceil(high * 4) / 4)];
}

export function shareTicks([low, high]: [number, number]): number[] {
  const step = high - low > 1.25 ? 0.5 : 0.25;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + 1e-9; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}
