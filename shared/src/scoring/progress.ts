// KR progress and the pace a cycle expects by a given date. Dates are whole
// UTC days so the same asOf gives the same answer on every server and browser.
import type { ScoringCycle, ScoringKeyResult } from './types';

const DAY_MS = 86_400_000;

/**
 * (current − start) ÷ (target − start). Works for decreasing targets
 * (start 40, target 10, current 31 → 0.3). Unclamped, so the UI can show
 * 120% or −15%; null when there is no current value or start = target.
 */
export function krProgress(kr: Pick<ScoringKeyResult, 'startValue' | 'targetValue' | 'currentValue'>): number | null {
  if (kr.currentValue === null) return null;
  const span = kr.targetValue - kr.startValue;
  if (span === 0) return null;
  const progress = (kr.currentValue - kr.startValue) / span;
  return Number.isFinite(progress) ? progress : null;
}

export function clampUnit(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** 'YYYY-MM-DD' → epoch ms of that day's UTC midnight; NaN when malformed. */
export function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  // Reject 2025-02-31 and friends, which Date.UTC silently rolls over.
  return new Date(ms).getUTCDate() === date ? ms : Number.NaN;
}

/** asOf as epoch ms; throws on an unparseable value because that is a caller bug. */
export function toEpochMs(asOf: Date | string): number {
  const ms = typeof asOf === 'string' ? Date.parse(asOf) : asOf.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid asOf: ${String(asOf)}`);
  return ms;
}

/**
 * Fraction of the cycle elapsed at asOf, in [0, 1]. The cycle runs from
 * startsOn 00:00 UTC to the end of endsOn (endsOn is inclusive), so the
 * expectation reaches 100% only when the last day is over. Null when the
 * cycle's dates are malformed or reversed.
 */
export function expectedProgress(cycle: Pick<ScoringCycle, 'startsOn' | 'endsOn'>, asOf: Date | string): number | null {
  return expectedProgressAt(cycle, toEpochMs(asOf));
}

export function expectedProgressAt(cycle: Pick<ScoringCycle, 'startsOn' | 'endsOn'>, asOfMs: number): number | null {
  const start = parseDay(cycle.startsOn);
  const end = parseDay(cycle.endsOn) + DAY_MS;
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return null;
  return clampUnit((asOfMs - start) / (end - start));
}
