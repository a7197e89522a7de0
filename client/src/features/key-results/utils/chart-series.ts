import type { CheckIn, Cycle, KeyResult } from '@keyline/shared';
import { formatDay, formatMetric, formatPercent } from '../../../lib/format';
import { BAND_LABEL, confidenceBand } from './confidence';
import { cycleBounds } from './pace';

export interface ChartPoint {
  /** Epoch milliseconds: the x axis is time. */
  t: number;
  value: number;
  /** 0–10, or null where nobody judged it (the start). */
  confidence: number | null;
  /** The start value, a real check-in, or the last value carried to today so the step line reaches it. */
  kind: 'start' | 'check-in' | 'carried';
  note: string;
}

export interface ChartModel {
  points: ChartPoint[];
  checkInCount: number;
  target: number;
  /** The straight line from start (cycle start) to target (cycle end). */
  pace: [{ x: number; y: number }, { x: number; y: number }];
  /** Today's instant, when it falls inside the drawn time range. */
  today: number | null;
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
}

/**
 * Everything the KR chart draws, as plain data, so the chart component only
 * renders and this function carries the tested logic.
 */
export function buildChartModel(
  kr: Pick<KeyResult, 'startValue' | 'targetValue' | 'currentValue'>,
  checkIns: Pick<CheckIn, 'value' | 'confidence' | 'note' | 'createdAt'>[],
  cycle: Pick<Cycle, 'startsOn' | 'endsOn'>,
  now: Date,
): ChartModel {
  const { start: cycleStart, end: cycleEnd } = cycleBounds(cycle);
  const sorted = [...checkIns]
    .map((c) => ({ ...c, t: Date.parse(c.createdAt) }))
    .filter((c) => Number.isFinite(c.t))
    .sort((a, b) => a.t - b.t);
  const first = sorted[0];
  const startT = first ? Math.min(cycleStart, first.t) : cycleStart;

  const points: ChartPoint[] = [{ t: startT, value: kr.startValue, confidence: null, kind: 'start', note: '' }];
  for (const c of sorted)
    points.push({ t: c.t, value: c.value, confidence: c.confidence, kind: 'check-in', note: c.note });

  const last = points[points.length - 1] as ChartPoint;
  // The step line is carried to today (or to the cycle's end once it is over).
  const carryTo = Math.min(now.getTime(), cycleEnd);
  if (carryTo > last.t) points.push({ ...last, t: carryTo, kind: 'carried', note: '' });

  const xDomain: [number, number] = [startT, Math.max(cycleEnd, points[points.length - 1]?.t ?? cycleEnd)];
  const today = now.getTime() >= xDomain[0] && now.getTime() <= xDomain[1] ? now.getTime() : null;

  return {
    points,
    checkInCount: sorted.length,
    target: kr.targetValue,
    pace: [
      { x: cycleStart, y: kr.startValue },
      { x: cycleEnd, y: kr.targetValue },
    ],
    today,
    xDomain,
    yDomain: valueDomain([kr.startValue, kr.targetValue, kr.currentValue, ...sorted.map((c) => c.value)]),
    xTicks: monthTicks(xDomain[0], xDomain[1]),
  };
}

/** The value axis spans every value drawn, padded a little; it does not dip below zero for non-negative data. */
export function valueDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = (max - min || Math.abs(max) || 1) * 0.1;
  const low = min >= 0 ? Math.max(0, min - pad) : min - pad;
  return [low, max + pad];
}

/** The first of each month (UTC) inside the range: the quarter's time axis. */
export function monthTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (cursor < from) cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (cursor <= to && ticks.length < 24) {
    ticks.push(cursor);
    const c = new Date(cursor);
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return ticks;
}

/**
 * The chart's text alternative (ui.md §4): where the KR stands, against
 * target and pace, in one sentence a screen reader reads first.
 */
export function chartSentence(
  kr: Pick<KeyResult, 'targetValue' | 'startValue' | 'currentValue' | 'unit' | 'metricType' | 'progress'>,
  checkIns: Pick<CheckIn, 'confidence' | 'createdAt'>[],
  expected: number,
): string {
  const fmt = (v: number) => formatMetric(v, kr.unit, kr.metricType);
  const pace = `pace expects ${formatPercent(expected)}`;
  const latest = [...checkIns].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!latest) {
    return `No check-ins yet: ${fmt(kr.currentValue)} against a target of ${fmt(kr.targetValue)} (from ${fmt(kr.startValue)}), ${formatPercent(kr.progress)} done; ${pace}.`;
  }
  const count = checkIns.length === 1 ? '1 check-in' : `${checkIns.length} check-ins`;
  const band = BAND_LABEL[confidenceBand(latest.confidence)];
  return `${fmt(kr.currentValue)} of a target of ${fmt(kr.targetValue)} (from ${fmt(kr.startValue)}) on ${formatDay(latest.createdAt)}, ${formatPercent(kr.progress)} done; ${pace}. ${count}, latest confidence ${latest.confidence}/10 (${band}).`;
}
