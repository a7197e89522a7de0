import {
  scoreItem,
  type BacklogItem,
  type ScoredBacklogItem,
  type ScoredItem,
  type ScoringContext,
} from '@keyline/shared';
import { scoringContextOf } from './cycle-figures';
import type { ScoringSnapshot } from './scoring-snapshot';

/**
 * Puts value score, breakdown and flags on item DTOs. Items the snapshot does
 * not know yet (written after it was taken) are scored on the spot: scoring
 * is absolute, so one item needs only the OKR structure, not the backlog.
 */
export function attachScores(
  items: BacklogItem[],
  snapshot: ScoringSnapshot,
  freshContext?: ScoringContext,
): ScoredBacklogItem[] {
  return items.map((item) => {
    const scored = freshContext ? undefined : snapshot.byId.get(item.id);
    const fresh = scored && sameInputs(scored, item) ? scored : scoreAlone(item, snapshot, freshContext);
    return {
      ...item,
      valueScore: fresh.valueScore,
      intrinsic: fresh.intrinsic,
      alignment: fresh.alignment,
      breakdown: fresh.breakdown,
      flags: [...fresh.flags],
    };
  });
}

/** With `freshContext` (the OKR structure or settings changed since the snapshot) every item is scored against it. */
function scoreAlone(item: BacklogItem, snapshot: ScoringSnapshot, freshContext?: ScoringContext): ScoredItem {
  const context = freshContext ?? scoringContextOf(snapshot);
  return scoreItem({ ...item, links: item.links }, context, {
    lowValueThresholds: snapshot.result.lowValueThresholds,
    rankInversion: null,
  });
}

/** The snapshot's score still holds if the fields it read have not changed since. */
function sameInputs(scored: ScoredItem, item: BacklogItem): boolean {
  const inputs = scored.breakdown.intrinsic.inputs as Record<string, number | null>;
  const fields = item as unknown as Record<string, unknown>;
  for (const field in inputs) {
    if (fields[field] !== inputs[field]) return false;
  }
  if (scored.status !== item.status || scored.effort !== item.effort || scored.links.length !== item.links.length)
    return false;
  return scored.links.every(
    (l, i) => l.keyResultId === item.links[i]?.keyResultId && l.strength === item.links[i]?.strength,
  );
}
