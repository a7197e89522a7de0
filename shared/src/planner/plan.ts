// The what-if planner's arithmetic: fill a capacity from an ordered list
// (value order or manual rank order), then describe what the plan serves.
// Pure: the server feeds it the scoring snapshot, tests feed it hand-made data.
import { compareIds, type KeyResultContext, type ScoringContext } from '../scoring/context';
import { computeHeadline, type ObjectiveEffortShare } from '../scoring/headline';
import type { ScoredItem } from '../scoring/types';

/** What the summary reads from a planned item (a ScoredItem is one). */
export type PlannedItem = Pick<ScoredItem, 'status' | 'effort' | 'links' | 'terms'>;

function usableEffort(effort: number | null): effort is number {
  return effort !== null && Number.isFinite(effort) && effort > 0;
}

/** A KR a plan can cover: live (not deleted, under a live objective), in the cycle, not yet achieved. */
function countsForCycle(kr: KeyResultContext | undefined, cycleId: string): boolean {
  return (
    kr !== undefined &&
    kr.weighting !== null &&
    kr.weighting.cycleId === cycleId &&
    !(kr.progress !== null && kr.progress >= 1)
  );
}

/** Below-the-line items returned for display. */
export const BELOW_CUT_LIMIT = 10;

export interface PlanCandidate {
  id: string;
  effort: number | null;
}

export interface FilledPlan {
  /** In plan order: forced first, then the fill. */
  planned: { id: string; forced: boolean }[];
  /** Index into `planned` where the first item that did not fit would have gone; null when all fitted. */
  cut: { index: number; beforeItemId: string } | null;
  /** The first BELOW_CUT_LIMIT ids, in order, that did not fit. */
  belowCut: string[];
  usedEffort: number;
}

/**
 * Greedy fill: forced items go in first, whatever their size (they may
 * overflow the capacity); then each candidate in order goes in if it still
 * fits, and one that does not is skipped while smaller ones below it may
 * still fill the gap. Candidates without a usable effort are never planned
 * (the caller lists them as "needs an estimate").
 */
export function fillCapacity(
  ordered: readonly PlanCandidate[],
  capacity: number,
  forced: readonly PlanCandidate[] = [],
): FilledPlan {
  const planned: FilledPlan['planned'] = [];
  const forcedIds = new Set<string>();
  let used = 0;
  for (const item of forced) {
    if (forcedIds.has(item.id) || !usableEffort(item.effort)) continue;
    forcedIds.add(item.id);
    planned.push({ id: item.id, forced: true });
    used += item.effort;
  }
  let cut: FilledPlan['cut'] = null;
  const belowCut: string[] = [];
  for (const item of ordered) {
    if (forcedIds.has(item.id) || !usableEffort(item.effort)) continue;
    // A hair of tolerance so 0.1 + 0.2 fits a capacity of 0.3.
    if (used + item.effort <= capacity + 1e-9) {
      planned.push({ id: item.id, forced: false });
      used += item.effort;
    } else {
      cut ??= { index: planned.length, beforeItemId: item.id };
      if (belowCut.length < BELOW_CUT_LIMIT) belowCut.push(item.id);
    }
  }
  return { planned, cut, belowCut, usedEffort: used };
}

export interface PlanSummary {
  objectives: ObjectiveEffortShare[];
  coveredKeyResultIds: string[];
  uncoveredKeyResultIds: string[];
  misalignedEffort: number;
  misalignedEffortShare: number | null;
}

/**
 * What a plan serves in one cycle: effort per objective against its weight
 * share, the live KRs it covers and the ones it leaves with no work, and its
 * misaligned share. Planned items are open work, so the figures read exactly
 * like the alignment view's headline over the same items. Links are read
 * raw (not from the alignment terms) so a plan for a cycle still in
 * planning counts its KRs too.
 */
export function summarizePlan(planned: readonly PlannedItem[], context: ScoringContext, cycleId: string): PlanSummary {
  const headline = computeHeadline(planned, context, cycleId);
  const covered = new Set<string>();
  for (const item of planned) {
    for (const link of item.links)
      if (countsForCycle(context.keyResults.get(link.keyResultId), cycleId)) covered.add(link.keyResultId);
  }
  const uncovered: string[] = [];
  for (const kr of context.keyResults.values()) {
    if (countsForCycle(kr, cycleId) && !covered.has(kr.keyResult.id)) uncovered.push(kr.keyResult.id);
  }
  return {
    objectives: headline.objectives,
    coveredKeyResultIds: [...covered].sort(compareIds),
    uncoveredKeyResultIds: uncovered.sort(compareIds),
    misalignedEffort: headline.misalignedEffort,
    misalignedEffortShare: headline.misalignedEffortShare,
  };
}

/** Manual rank order: lower rank first, unranked last, ties by id (a total order). */
export function byRank<T extends { id: string; rank: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.rank === b.rank) return compareIds(a.id, b.id);
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  });
}
