// Figures over measured items: hit rate, movement per effort point and
// calibration, per cycle, per team and per team and cycle. See docs/OUTCOMES.md §5.
import { compare, cycleSpan, measureOutcomes } from './measure';
import { median, sampleNote, spearman, TOO_FEW_BELOW } from './stats';
import type {
  Calibration,
  CalibrationBucket,
  ItemOutcome,
  MeasureOutcomesInput,
  OutcomeReport,
  OutcomeSummary,
  TrackRecord,
} from './types';

/** Edges of impact × confidence (impact 0.25–3, confidence 0–1, so 0–3). */
export const CALIBRATION_EDGES = [0, 0.5, 1, 1.5, 2, 3] as const;

export function buildOutcomeReport(input: MeasureOutcomesInput): OutcomeReport {
  const items = measureOutcomes(input);
  const startOf = new Map(input.cycles.map((c) => [c.id, cycleSpan(c)?.startMs ?? Number.POSITIVE_INFINITY]));
  const byCycleOrder = (a: string, b: string) =>
    (startOf.get(a) ?? Infinity) - (startOf.get(b) ?? Infinity) || compare(a, b);

  const perCycle = (list: readonly ItemOutcome[]) =>
    [...groupBy(list, (i) => i.cycleId)]
      .sort(([a], [b]) => byCycleOrder(a, b))
      .map(([cycleId, group]) => ({ cycleId, summary: summarizeOutcomes(group) }));

  const byTeam = [...groupBy(items, (i) => i.teamId)]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : compare(a, b)))
    .map(([teamId, group]) => ({ teamId, overall: summarizeOutcomes(group), byCycle: perCycle(group) }));

  return {
    asOf: new Date(typeof input.asOf === 'string' ? Date.parse(input.asOf) : input.asOf.getTime()).toISOString(),
    settings: { ...input.settings },
    items,
    byCycle: perCycle(items),
    byTeam,
    overall: summarizeOutcomes(items),
  };
}

/** Figures over a list of item outcomes (in the report's order, so sums and correlations are deterministic). */
export function summarizeOutcomes(items: readonly ItemOutcome[]): OutcomeSummary {
  const judged = items.filter((i) => i.state !== 'waiting');
  const hits = judged.filter((i) => i.state === 'moved').length;
  const perPoint = judged.flatMap((i) => (i.creditPerPoint === null ? [] : [i.creditPerPoint]));
  return {
    shipped: items.length,
    judged: judged.length,
    waiting: items.length - judged.length,
    provisional: judged.filter((i) => i.provisional).length,
    hits,
    hitRate: judged.length === 0 ? null : hits / judged.length,
    tooFew: judged.length < TOO_FEW_BELOW,
    sampleNote: sampleNote(judged.length),
    medianCreditPerPoint: median(perPoint),
    perPointSampleSize: perPoint.length,
    calibration: calibrate(judged),
  };
}

function calibrate(judged: readonly ItemOutcome[]): Calibration {
  const predicted = judged.filter((i) => i.predicted !== null && Number.isFinite(i.predicted));
  const last = CALIBRATION_EDGES.length - 2;
  const buckets: CalibrationBucket[] = [];
  for (let b = 0; b <= last; b++) {
    const from = CALIBRATION_EDGES[b] as number;
    const to = CALIBRATION_EDGES[b + 1] as number;
    const inBucket = predicted.filter((i) => bucketOf(i.predicted as number) === b);
    const hits = inBucket.filter((i) => i.state === 'moved').length;
    buckets.push({
      from,
      to,
      label: `${from}–${to}`,
      count: inBucket.length,
      hits,
      hitRate: inBucket.length === 0 ? null : hits / inBucket.length,
      medianCredit: median(inBucket.map((i) => i.credit as number)),
    });
  }
  return {
    buckets,
    spearman: spearman(predicted.map((i) => ({ x: i.predicted as number, y: i.credit as number }))),
    sampleSize: predicted.length,
    tooFew: predicted.length < TOO_FEW_BELOW,
    sampleNote: sampleNote(predicted.length),
  };
}

/** Index of the calibration bucket for a prediction; values past either end go to the end buckets. */
export function bucketOf(predicted: number): number {
  const last = CALIBRATION_EDGES.length - 2;
  for (let b = 0; b < last; b++) if (predicted < (CALIBRATION_EDGES[b + 1] as number)) return b;
  return last;
}

/**
 * Each team's settled history (judged items whose window has passed): what
 * calibrated confidence shrinks towards. Keyed by team id, null = no team.
 */
export function trackRecords(items: readonly ItemOutcome[]): Map<string | null, TrackRecord> {
  const records = new Map<string | null, TrackRecord>();
  for (const item of items) {
    if (item.state === 'waiting' || item.provisional) continue;
    const record = records.get(item.teamId) ?? { hits: 0, judged: 0 };
    record.judged++;
    if (item.state === 'moved') record.hits++;
    records.set(item.teamId, record);
  }
  return records;
}

function groupBy<K>(items: readonly ItemOutcome[], key: (item: ItemOutcome) => K): Map<K, ItemOutcome[]> {
  const groups = new Map<K, ItemOutcome[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
