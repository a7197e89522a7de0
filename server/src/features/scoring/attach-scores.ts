import {
  roundValueScore,
  type BacklogItem,
  type BacklogRow,
  type LiveBacklog,
  type ScoredBacklogItem,
} from '@keyline/shared';

/**
 * Puts value score, breakdown and flags on item DTOs. Each row is scored on
 * the spot from its own fields — scoring is absolute, so one item needs only
 * the OKR structure — with the population facts (quartiles, rank
 * inversions) of the live backlog, so it reads exactly as the whole-backlog
 * views do even when the row was written a moment after they were updated.
 */
export function attachScores(items: readonly BacklogItem[], backlog: LiveBacklog): ScoredBacklogItem[] {
  return items.map((item) => {
    const scored = backlog.scoreFull(item);
    return {
      ...item,
      valueScore: scored.valueScore,
      intrinsic: scored.intrinsic,
      alignment: scored.alignment,
      breakdown: scored.breakdown,
      flags: [...scored.flags],
    };
  });
}

/**
 * List rows: the value score rounded as people read it and the flags, no
 * breakdown (most of a scored item's bytes, never shown in the table) unless
 * asked for with `?include=breakdown`.
 */
export function attachRowScores(
  items: readonly BacklogItem[],
  backlog: LiveBacklog,
  include: 'breakdown' | undefined,
): BacklogRow[] {
  if (include === 'breakdown') return attachScores(items, backlog);
  return items.map((item) => {
    const scored = backlog.scoreFull(item);
    return {
      ...item,
      valueScore: scored.valueScore === null ? null : roundValueScore(scored.valueScore),
      flags: [...scored.flags],
    };
  });
}
