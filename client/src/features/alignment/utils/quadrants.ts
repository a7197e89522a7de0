/**
 * The value × effort matrix: median lines split open items into four named
 * quadrants (docs/UI.md, "Alignment"). Pure, so the chart, its text summary and its table
 * all agree on which item sits where.
 */
import { formatNumber } from '../../../lib/format';

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'time-sink';

export const QUADRANTS: readonly Quadrant[] = ['quick-win', 'big-bet', 'fill-in', 'time-sink'];

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'quick-win': 'Quick wins',
  'big-bet': 'Big bets',
  'fill-in': 'Fill-ins',
  'time-sink': 'Time sinks',
};

/** One label per item, for table cells: "Quick win". */
export const QUADRANT_SINGULAR: Record<Quadrant, string> = {
  'quick-win': 'Quick win',
  'big-bet': 'Big bet',
  'fill-in': 'Fill-in',
  'time-sink': 'Time sink',
};

export interface Medians {
  value: number;
  effort: number;
}

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Items exactly on a median line get the favourable side (value on the line
 * counts as high, effort on the line as low): estimates cluster on round
 * numbers, and a line full of "time sinks" that are merely typical would
 * alarm for nothing.
 */
export function classifyQuadrant(point: { valueScore: number; effort: number }, medians: Medians): Quadrant {
  const highValue = point.valueScore >= medians.value;
  const lowEffort = point.effort <= medians.effort;
  if (highValue) return lowEffort ? 'quick-win' : 'big-bet';
  return lowEffort ? 'fill-in' : 'time-sink';
}

export interface MatrixPoint {
  id: string;
  title: string;
  valueScore: number;
  effort: number;
  aligned: boolean;
  flags: readonly string[];
}

export interface MatrixSummary {
  medians: Medians;
  counts: Record<Quadrant, number>;
  shown: number;
  unaligned: number;
  flagged: number;
}

export function summarizeMatrix(points: readonly MatrixPoint[]): MatrixSummary | null {
  const value = median(points.map((p) => p.valueScore));
  const effort = median(points.map((p) => p.effort));
  if (value === null || effort === null) return null;
  const medians = { value, effort };
  const counts: Record<Quadrant, number> = { 'quick-win': 0, 'big-bet': 0, 'fill-in': 0, 'time-sink': 0 };
  let unaligned = 0;
  let flagged = 0;
  for (const p of points) {
    counts[classifyQuadrant(p, medians)] += 1;
    if (!p.aligned) unaligned += 1;
    if (p.flags.length > 0) flagged += 1;
  }
  return { medians, counts, shown: points.length, unaligned, flagged };
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The chart's text alternative: what a sighted reader takes from the picture. */
export function describeMatrix(summary: MatrixSummary | null, total: number): string {
  if (summary === null || total === 0)
    return 'No open item has both a value score and an effort estimate yet, so there is nothing to plot.';
  const { counts, medians } = summary;
  const shown =
    total > summary.shown
      ? `The ${formatNumber(summary.shown)} highest-value of ${formatNumber(total)} open items`
      : `${plural(summary.shown, 'open item', 'open items')} with a value score and an effort`;
  return (
    `${shown}: ${plural(counts['quick-win'], 'quick win', 'quick wins')}, ${plural(counts['big-bet'], 'big bet', 'big bets')}, ` +
    `${plural(counts['fill-in'], 'fill-in', 'fill-ins')} and ${plural(counts['time-sink'], 'time sink', 'time sinks')}, ` +
    `split at the median effort of ${formatNumber(medians.effort)} pts and the median value of ${formatNumber(roundScore(medians.value))}. ` +
    `${formatNumber(summary.unaligned)} of them ${summary.unaligned === 1 ? 'has' : 'have'} no key result; ` +
    `${formatNumber(summary.flagged)} ${summary.flagged === 1 ? 'is' : 'are'} flagged.`
  );
}

/** "1 pt", "2.5 pts": effort in story points. */
export function formatPoints(effort: number): string {
  return `${formatNumber(effort)} ${effort === 1 ? 'pt' : 'pts'}`;
}

/** Scores read best whole from 100 up and with two decimals below. */
export function roundScore(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/**
 * Value scores span orders of magnitude (a few quick wins in the thousands,
 * most items in the tens), and efforts follow a Fibonacci-like scale, so the
 * matrix plots both on log axes. The domain is padded to whole 1-2-5 steps;
 * zero values (a 0% confidence) sit on the floor rather than vanish.
 */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [1, 10];
  // 10% of air on both sides keeps the extreme points off the axes.
  const lo = Math.min(...positive) * 0.9;
  const hi = Math.max(...positive) * 1.1;
  return [stepBelow(lo), stepAbove(hi)];
}

const STEPS = [1, 2, 5];

function stepBelow(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [...STEPS].reverse().find((s) => s * power <= v * (1 + 1e-9)) ?? 1;
  return step * power;
}

function stepAbove(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const step = STEPS.find((s) => s * power >= v * (1 - 1e-9));
  return step === undefined ? 10 * power : step * power;
}

/** 1-2-5 ticks within the domain, e.g. 1, 2, 5, 10, 20. */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let power = 10 ** Math.floor(Math.log10(lo)); power <= hi; power *= 10) {
    for (const s of STEPS) {
      const tick = Number((s * power).toPrecision(6));
      if (tick >= lo * (1 - 1e-9) && tick <= hi * (1 + 1e-9)) ticks.push(tick);
    }
  }
  return ticks;
}
