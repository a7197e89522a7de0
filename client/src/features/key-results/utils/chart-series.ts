import { type CheckIn, type Cycle, type ItemOutcomeState, type KeyResult, DAY_MS } from '@keyline/shared';
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

/** A linked item that was done during the quarter: a marker at its done date, the window after it shaded. */
export interface ShippedMarker {
  itemId: string;
  title: string;
  /** Epoch ms of doneAt. */
  t: number;
  /** The end of the shaded window (doneAt + the outcome window), clipped to the time axis. */
  windowEnd: number;
  state: ItemOutcomeState;
  provisional: boolean;
}

export interface ChartModel {
  points: ChartPoint[];
  /** Shipped items inside the time axis, oldest first. */
  shipped: ShippedMarker[];
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
  checkIns: Pick<CheckIn, 'value' | 'confidence' | 'note' | 'at' | 'createdAt'>[],
  cycle: Pick<Cycle, 'startsOn' | 'endsOn'>,
  now: Date,
  shippedItems: readonly ShippedInput[] = [],
): ChartModel {
  const { start: cycleStart, end: cycleEnd } = cycleBounds(cycle);
  // Drawn at the moment each value is for (`at`), not when it was typed in; a later entry wins a tie.
  const sorted = [...checkIns]
    .map((c) => ({ ...c, t: Date.parse(c.at) }))
    .filter((c) => Number.isFinite(c.t))
    .sort((a, b) => a.t - b.t || a.createdAt.localeCompare(b.createdAt));
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

  const shipped = shippedItems
    .map((item) => {
      const t = Date.parse(item.doneAt);
      return {
        itemId: item.itemId,
        title: item.title,
        t,
        windowEnd: Math.min(t + item.windowDays * DAY_MS, xDomain[1]),
        state: item.state,
        provisional: item.provisional,
      };
    })
    .filter((m) => Number.isFinite(m.t) && m.t >= xDomain[0] && m.t <= xDomain[1])
    .sort((a, b) => a.t - b.t || a.title.localeCompare(b.title));

  return {
    points,
    shipped,
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

export interface ShippedInput {
  itemId: string;
  title: string;
  doneAt: string;
  windowDays: number;
  state: ItemOutcomeState;
  provisional: boolean;
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
 * The chart's text alternative (docs/UI.md, "Charts"): where the KR stands, against
 * target and pace, in one sentence a screen reader reads first.
 */
export function chartSentence(
  kr: Pick<KeyResult, 'targetValue' | 'startValue' | 'currentValue' | 'unit' | 'metricType' | 'progress'>,
  checkIns: Pick<CheckIn, 'confidence' | 'at' | 'createdAt'>[],
  expected: number,
  shippedCount = 0,
): string {
  const fmt = (v: number) => formatMetric(v, kr.unit, kr.metricType);
  const pace = `pace expects ${formatPercent(expected)}`;
  const latest = [...checkIns].sort((a, b) => b.at.localeCompare(a.at) || b.createdAt.localeCompare(a.createdAt))[0];
  const shipped =
    shippedCount === 0 ? '' : ` ${shippedCount === 1 ? '1 linked item' : `${shippedCount} linked items`} shipped.`;
  if (!latest) {
    return `No check-ins yet: ${fmt(kr.currentValue)} against a target of ${fmt(kr.targetValue)} (from ${fmt(kr.startValue)}), ${formatPercent(kr.progress)} done; ${pace}.${shipped}`;
  }
  const count = checkIns.length === 1 ? '1 check-in' : `${checkIns.length} check-ins`;
  const band = BAND_LABEL[confidenceBand(latest.confidence)];
  return `${fmt(kr.currentValue)} of a target of ${fmt(kr.targetValue)} (from ${fmt(kr.startValue)}) on ${formatDay(latest.at)}, ${formatPercent(kr.progress)} done; ${pace}. ${count}, latest confidence ${latest.confidence}/10 (${band}).${shipped}`;
}
