// Did the KR move after the work was done? Measures every (done item, KR)
// pair: the KR's value when the item was done, its value a window later (or
// at the latest check-in, provisionally), and its pace before against its
// pace after. See docs/OUTCOMES.md §2–§4.
import { buildSeries, lastIndexAtOrBefore, valueAt, type SeriesPoint } from './series';
import type {
  ItemOutcome,
  LinkOutcome,
  MeasureOutcomesInput,
  OutcomeCycle,
  OutcomeItem,
  OutcomeKeyResult,
} from './types';
import { DAY_MS, parseDay } from '../common/dates';

const WEEK_MS = 7 * DAY_MS;
/** Float noise is not movement. */
const EPSILON = 1e-9;

interface Pair {
  item: OutcomeItem;
  doneMs: number;
  strength: number;
  kr: KrState;
  outcome: LinkOutcome;
}

interface KrState {
  kr: OutcomeKeyResult;
  range: number;
  series: SeriesPoint[];
  pairs: Pair[];
}

/** Every done item's outcome, per cycle of the KRs it links to; newest first. */
export function measureOutcomes(input: MeasureOutcomesInput): ItemOutcome[] {
  const asOfMs = typeof input.asOf === 'string' ? Date.parse(input.asOf) : input.asOf.getTime();
  if (!Number.isFinite(asOfMs)) throw new RangeError(`Invalid asOf: ${String(input.asOf)}`);
  const windowMs = input.settings.windowDays * DAY_MS;
  const threshold = input.settings.noiseThreshold;

  const cycles = new Map<string, { startMs: number; endMs: number }>();
  for (const c of input.cycles) {
    const span = cycleSpan(c);
    if (span) cycles.set(c.id, span);
  }

  const krs = new Map<string, KrState>();
  const krState = (kr: OutcomeKeyResult): KrState | null => {
    const known = krs.get(kr.id);
    if (known) return known;
    const cycle = cycles.get(kr.cycleId);
    const range = kr.targetValue - kr.startValue;
    if (!cycle || range === 0 || !Number.isFinite(range)) return null;
    const state = { kr, range, series: buildSeries(kr.startValue, cycle.startMs, kr.checkIns, asOfMs), pairs: [] };
    krs.set(kr.id, state);
    return state;
  };
  const krById = new Map(input.keyResults.map((kr) => [kr.id, kr]));

  // 1. Pairs: a done item, done within the cycle of a KR it links to.
  for (const item of input.items) {
    if (item.status !== 'done' || item.doneAt === null) continue;
    const doneMs = Date.parse(item.doneAt);
    if (!Number.isFinite(doneMs) || doneMs > asOfMs) continue;
    for (const [keyResultId, strength] of strongestLinks(item)) {
      const kr = krById.get(keyResultId);
      const state = kr && krState(kr);
      const cycle = kr && cycles.get(kr.cycleId);
      if (!state || !cycle || doneMs < cycle.startMs || doneMs >= cycle.endMs) continue;
      const outcome = measurePair(state, doneMs, strength, windowMs, asOfMs, threshold);
      state.pairs.push({ item, doneMs, strength, kr: state, outcome });
    }
  }

  // 2. Items done on the same KR within one window of each other share its movement by strength.
  for (const state of krs.values()) shareMovement(state.pairs, windowMs);

  // 3. Per item and cycle.
  const units = new Map<string, Pair[]>();
  for (const state of krs.values()) {
    for (const pair of state.pairs) {
      const key = `${pair.item.id}\u0000${state.kr.cycleId}`;
      const list = units.get(key);
      if (list) list.push(pair);
      else units.set(key, [pair]);
    }
  }
  const outcomes = [...units.values()].map(toItemOutcome);
  return outcomes.sort(
    (a, b) => compare(b.doneAt, a.doneAt) || compare(a.itemId, b.itemId) || compare(a.cycleId, b.cycleId),
  );
}

function measurePair(
  state: KrState,
  doneMs: number,
  strength: number,
  windowMs: number,
  asOfMs: number,
  threshold: number,
): LinkOutcome {
  const { series, range } = state;
  const valueAtDone = valueAt(series, doneMs);
  const last = series[series.length - 1] as SeriesPoint;
  const base = {
    keyResultId: state.kr.id,
    strength,
    valueAtDone,
    sharedWith: [] as string[],
    creditShare: 1,
  };
  if (!last.observed || last.t <= doneMs) {
    return {
      ...base,
      state: 'waiting',
      provisional: false,
      measuredUntil: null,
      valueAfter: null,
      movement: null,
      paceBefore: null,
      paceAfter: null,
      lift: null,
      moved: false,
      credit: null,
    };
  }
  const provisional = doneMs + windowMs > asOfMs;
  const endMs = provisional ? last.t : doneMs + windowMs;
  const spanMs = endMs - doneMs;
  const valueAfter = valueAt(series, endMs);
  const movement = (valueAfter - valueAtDone) / range;
  // Pace before: over the window up to the last point at or before the ship,
  // so a jump the next check-in shows is never read as the pace before.
  const a = series[lastIndexAtOrBefore(series, doneMs)] as SeriesPoint;
  const fromMs = Math.max(a.t - windowMs, (series[0] as SeriesPoint).t);
  const paceBeforePerMs = a.t > fromMs ? (a.value - valueAt(series, fromMs)) / (a.t - fromMs) / range : 0;
  const lift = snap(movement - paceBeforePerMs * spanMs);
  return {
    ...base,
    state: 'measured',
    provisional,
    measuredUntil: new Date(endMs).toISOString(),
    valueAfter,
    movement: snap(movement),
    paceBefore: snap(paceBeforePerMs * WEEK_MS),
    paceAfter: snap((movement / spanMs) * WEEK_MS),
    lift,
    moved: lift > threshold + EPSILON,
    credit: lift,
  };
}

/**
 * For each measured pair, the pairs on the same KR done less than one window
 * apart (either side) share the movement: credit = lift × strength ÷ the sum
 * of their strengths. Waiting pairs share nothing (no check-in follows them).
 */
function shareMovement(pairs: Pair[], windowMs: number): void {
  const measured = pairs
    .filter((p) => p.outcome.state === 'measured')
    .sort((a, b) => a.doneMs - b.doneMs || compare(a.item.id, b.item.id));
  const prefix = [0];
  for (const p of measured) prefix.push((prefix[prefix.length - 1] as number) + p.strength);
  let left = 0;
  let right = 0;
  measured.forEach((p, i) => {
    while ((measured[left] as Pair).doneMs <= p.doneMs - windowMs) left++;
    if (right < i) right = i;
    while (right + 1 < measured.length && (measured[right + 1] as Pair).doneMs < p.doneMs + windowMs) right++;
    const total = (prefix[right + 1] as number) - (prefix[left] as number);
    const share = p.strength / total;
    const outcome = { ...p.outcome, creditShare: share, credit: (p.outcome.lift as number) * share };
    p.outcome = withLazySharedWith(outcome, measured, left, right, i);
  });
}

/**
 * `sharedWith` is listed when first read, not while measuring: many items
 * done on one KR within a window would otherwise cost (items × items in a
 * window) ids at every recomputation, while only the page of items shown
 * (or an export) ever reads them. The getter is enumerable and caches, so
 * the outcome reads, compares and serialises like a plain object.
 */
function withLazySharedWith(
  outcome: LinkOutcome,
  measured: readonly Pair[],
  left: number,
  right: number,
  self: number,
): LinkOutcome {
  let ids: string[] | undefined;
  return Object.defineProperty(outcome, 'sharedWith', {
    enumerable: true,
    get: () => {
      if (!ids) {
        ids = [];
        for (let j = left; j <= right; j++) if (j !== self) ids.push((measured[j] as Pair).item.id);
        ids.sort(compare);
      }
      return ids;
    },
  });
}

function toItemOutcome(pairs: Pair[]): ItemOutcome {
  const first = pairs[0] as Pair;
  const { item } = first;
  const links = pairs.map((p) => p.outcome).sort((a, b) => compare(a.keyResultId, b.keyResultId));
  const measured = links.filter((l) => l.state === 'measured');
  const credit = measured.length === 0 ? null : measured.reduce((sum, l) => sum + (l.credit as number), 0);
  const effort = item.effort !== null && Number.isFinite(item.effort) ? item.effort : null;
  return {
    itemId: item.id,
    cycleId: first.kr.kr.cycleId,
    teamId: item.teamId,
    doneAt: new Date(first.doneMs).toISOString(),
    effort,
    predicted: item.impact !== null && item.confidence !== null ? item.impact * item.confidence : null,
    state: measured.length === 0 ? 'waiting' : measured.some((l) => l.moved) ? 'moved' : 'not-moved',
    provisional: measured.some((l) => l.provisional),
    credit,
    creditPerPoint: credit !== null && effort !== null && effort > 0 ? credit / effort : null,
    links,
  };
}

/** Float noise (4.8 − 4.4 is not 0.4) is not movement: below 1e-9 of the range is 0. */
function snap(value: number): number {
  return Math.abs(value) < EPSILON ? 0 : value;
}

/** Repeated links to one KR count once, at the strongest strength. */
function strongestLinks(item: OutcomeItem): Map<string, number> {
  const links = new Map<string, number>();
  for (const link of item.links) {
    if (!(link.strength > 0)) continue;
    links.set(link.keyResultId, Math.max(links.get(link.keyResultId) ?? 0, link.strength));
  }
  return links;
}

/** [first moment, first moment after the last day) in epoch ms; null when malformed. */
export function cycleSpan(cycle: Pick<OutcomeCycle, 'startsOn' | 'endsOn'>): { startMs: number; endMs: number } | null {
  const startMs = parseDay(cycle.startsOn);
  const endMs = parseDay(cycle.endsOn) + DAY_MS;
  return Number.isFinite(startMs) && Number.isFinite(endMs) && endMs > startMs ? { startMs, endMs } : null;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
