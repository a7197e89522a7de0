// How an open item's effort is attributed to key results. An item linked to
// several KRs splits its effort across them in proportion to link strength
// (strength 3 and 1 → 75% / 25%), so total attributed effort never exceeds
// the item's effort and nothing is double-counted in shares.
import { distinctLinks } from './alignment';
import type { KeyResultContext, ScoringContext } from './context';
import type { ScoringItem } from './types';

export function usableEffort(effort: number | null): effort is number {
  return effort !== null && Number.isFinite(effort) && effort > 0;
}

/** Not deleted, under a live objective, in the given cycle, and not yet achieved. */
export function countsForCycle(kr: KeyResultContext, cycleId: string): boolean {
  return kr.weighting !== null && kr.weighting.cycleId === cycleId && !(kr.progress !== null && kr.progress >= 1);
}

/**
 * Calls visit(kr, effortPortion) for each of the item's links that `counts`
 * accepts; effortPortion is 0 when the item has no usable effort. Returns
 * whether any link counted.
 */
export function attributeEffort(
  item: Pick<ScoringItem, 'links' | 'effort'>,
  context: Pick<ScoringContext, 'keyResults'>,
  counts: (kr: KeyResultContext) => boolean,
  visit: (kr: KeyResultContext, effortPortion: number) => void,
): boolean {
  // Two passes over the (few) links instead of collecting them: this runs
  // once per item, 100,000 times, and allocation is what costs.
  const links = distinctLinks(item.links);
  let strengthSum = 0;
  for (const link of links) {
    const kr = context.keyResults.get(link.keyResultId);
    if (kr && counts(kr)) strengthSum += link.strength;
  }
  if (strengthSum === 0) return false;
  const effort = usableEffort(item.effort) ? item.effort : 0;
  for (const link of links) {
    const kr = context.keyResults.get(link.keyResultId);
    if (kr && counts(kr)) visit(kr, (effort * link.strength) / strengthSum);
  }
  return true;
}
