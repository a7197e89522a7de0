// How an open item's effort is attributed to key results. An item linked to
// several KRs splits its effort across them in proportion to link strength
// (strength 3 and 1 → 75% / 25%), so total attributed effort never exceeds
// the item's effort and nothing is double-counted in shares.
import { distinctLinks } from './alignment';
import type { KeyResultContext, ScoringContext } from './context';
import type { KrWeighting, ScoredItem } from './types';

/** An item's link resolved to its KR's weighting. AlignmentTerm is one. */
export interface WeightedLink {
  keyResult: KrWeighting;
  strength: number;
}

/** What headline and KR flags need from a scored item. */
export type EffortSource = Pick<ScoredItem, 'status' | 'effort' | 'links' | 'terms'>;

export function usableEffort(effort: number | null): effort is number {
  return effort !== null && Number.isFinite(effort) && effort > 0;
}

/** Not deleted, under a live objective, in the given cycle, and not yet achieved. */
export function countsForCycle(kr: KeyResultContext, cycleId: string): boolean {
  return kr.weighting !== null && kr.weighting.cycleId === cycleId && !(kr.progress !== null && kr.progress >= 1);
}

/**
 * The item's links that count for one cycle. For an active cycle these are
 * exactly its alignment terms, already resolved and de-duplicated, so the
 * common case allocates nothing; other cycles re-read the raw links.
 */
export function cycleLinksOf(
  item: EffortSource,
  context: Pick<ScoringContext, 'keyResults' | 'cycles'>,
  cycleId: string,
): readonly WeightedLink[] {
  if (context.cycles.get(cycleId)?.status === 'active') {
    const terms = item.terms;
    return terms.every((t) => t.keyResult.cycleId === cycleId)
      ? terms
      : terms.filter((t) => t.keyResult.cycleId === cycleId);
  }
  const links: WeightedLink[] = [];
  for (const link of distinctLinks(item.links)) {
    const kr = context.keyResults.get(link.keyResultId);
    if (kr?.weighting && countsForCycle(kr, cycleId)) links.push({ keyResult: kr.weighting, strength: link.strength });
  }
  return links;
}

/** Calls visit(kr, portion) per link, portion = effort × strength ÷ Σ strengths (0 without usable effort). */
export function splitEffort(
  effort: number | null,
  links: readonly WeightedLink[],
  visit: (kr: KrWeighting, portion: number) => void,
): void {
  let strengthSum = 0;
  for (const link of links) strengthSum += link.strength;
  const usable = usableEffort(effort) ? effort : 0;
  for (const link of links) visit(link.keyResult, strengthSum > 0 ? (usable * link.strength) / strengthSum : 0);
}
