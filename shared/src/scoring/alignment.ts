// Alignment of one item: how much its links to live KRs (active cycle, not
// deleted, not yet achieved) serve the quarter's weighted goals. Depends only
// on the item's own links and the OKR structure, never on other items.
import { compareIds, type ScoringContext } from './context';
import type { AlignmentBreakdown, AlignmentTerm, IgnoredLink, ScoringLink } from './types';

export const ALIGNMENT_FORMULA = 'Σ strength × krShare × objectiveShare × boost';

/** Strength outside 1–3 (bad data) is clamped so a score stays finite. */
function safeStrength(strength: number): number {
  if (!Number.isFinite(strength)) return 1;
  return Math.min(3, Math.max(1, strength));
}

const NO_LINKS: readonly ScoringLink[] = Object.freeze([]);

/**
 * Collapses repeated links to one KR into the strongest one, sorted by KR id,
 * so link order and duplicates never change the number. Items carry a handful
 * of links, so an insertion sort beats a Map here (this runs 100,000 times).
 */
export function distinctLinks(links: readonly ScoringLink[]): readonly ScoringLink[] {
  if (links.length === 0) return NO_LINKS;
  if (isCanonical(links)) return links;
  const out: ScoringLink[] = [];
  for (const link of links) {
    const strength = safeStrength(link.strength);
    const normalized = strength === link.strength ? link : { keyResultId: link.keyResultId, strength };
    let at = out.length;
    while (at > 0 && compareIds((out[at - 1] as ScoringLink).keyResultId, link.keyResultId) > 0) at--;
    const previous = out[at - 1];
    if (previous !== undefined && previous.keyResultId === link.keyResultId) {
      if (strength > previous.strength) out[at - 1] = normalized;
    } else {
      out.splice(at, 0, normalized);
    }
  }
  return out;
}

// Shared frozen empties: at 100,000 items, fewer allocations is faster.
const NO_TERMS: readonly AlignmentTerm[] = Object.freeze([]);
const NO_IGNORED: readonly IgnoredLink[] = Object.freeze([]);
const NO_ALIGNMENT: AlignmentBreakdown = Object.freeze({
  formula: ALIGNMENT_FORMULA,
  terms: NO_TERMS,
  ignoredLinks: NO_IGNORED,
  total: 0,
});

/** Already sorted, distinct and in range: the common case, returned as is. */
function isCanonical(links: readonly ScoringLink[]): boolean {
  let previous: string | null = null;
  for (const link of links) {
    if (!(link.strength >= 1 && link.strength <= 3)) return false;
    if (previous !== null && compareIds(previous, link.keyResultId) >= 0) return false;
    previous = link.keyResultId;
  }
  return true;
}

export function alignmentOf(item: { links: readonly ScoringLink[] }, context: ScoringContext): AlignmentBreakdown {
  if (item.links.length === 0) return NO_ALIGNMENT;
  const terms: AlignmentTerm[] = [];
  const ignoredLinks: IgnoredLink[] = [];
  let total = 0;
  for (const { keyResultId, strength } of distinctLinks(item.links)) {
    const kr = context.keyResults.get(keyResultId);
    if (!kr) {
      ignoredLinks.push({ keyResultId, strength, reason: 'unknown-key-result' });
    } else if (kr.linkStatus !== 'live') {
      ignoredLinks.push({ keyResultId, strength, reason: kr.linkStatus });
    } else if (kr.weighting !== null) {
      // Always set for a live KR; the check only narrows the type.
      const w = kr.weighting;
      const term = strength * w.krShare * w.objectiveShare * w.boost;
      terms.push({ keyResultId, strength, keyResult: w, term });
      total += term;
    }
  }
  return {
    formula: ALIGNMENT_FORMULA,
    terms: terms.length === 0 ? NO_TERMS : terms,
    ignoredLinks: ignoredLinks.length === 0 ? NO_IGNORED : ignoredLinks,
    total,
  };
}

/** Stale links point at work that no longer needs doing; 'inactive-cycle' (not started yet) is not stale. */
export function isStaleReason(reason: IgnoredLink['reason']): boolean {
  return reason !== 'inactive-cycle';
}
