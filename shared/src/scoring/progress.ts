// The pace a cycle expects by a given date (KR progress itself is
// keyResultProgress in key-results/progress.ts). Dates are whole
// UTC days so the same asOf gives the same answer on every server and browser.
import { DAY_MS, parseDay } from '../common/dates';
import type { ScoringCycle } from './types';

export function clampUnit(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
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
