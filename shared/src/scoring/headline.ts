// Headline figures for one cycle, over whichever items the caller passes
// (e.g. one team's). All effort figures use the items' effort estimate.
import { compareIds, type ScoringContext } from './context';
import { countsForCycle, cycleLinksOf, splitEffort, usableEffort, type EffortSource } from './effort';
import { isOpenStatus } from './population';
import type { KrWeighting } from './types';

export interface ObjectiveEffortShare {
  objectiveId: string;
  parentId: string | null;
  level: number;
  /** Objective weight ÷ Σ weights of the cycle's objectives at the same level. */
  weightShare: number;
  /** Open effort linked to its KRs or to KRs of objectives beneath it. */
  effort: number;
  /** effort ÷ all open effort; null when there is no open effort. */
  effortShare: number | null;
}

export interface CycleHeadline {
  cycleId: string;
  /** Σ effort of open items with an effort estimate. */
  openEffort: number;
  /** The part of openEffort on items with no link to a live KR of this cycle. */
  misalignedEffort: number;
  /** misalignedEffort ÷ openEffort (0–1; ×100 for the %); null when there is no open effort. */
  misalignedEffortShare: number | null;
  /** Open items left out of the effort figures because they have no effort estimate. */
  openItemsWithoutEffort: number;
  objectives: ObjectiveEffortShare[];
  krCoverage: {
    /** Live KRs with at least one open linked item. */
    covered: number;
    /** KRs of the cycle that are not deleted and not yet achieved. */
    total: number;
    share: number | null;
  };
}

/** The sums a headline is made of; gathered in one pass here, or kept up to date by live-backlog.ts. */
export interface HeadlineSums {
  openEffort: number;
  misalignedEffort: number;
  openItemsWithoutEffort: number;
  /** Strength-split open effort per KR of the cycle with at least one open item linked (0 allowed). */
  effortByKr: ReadonlyMap<string, number>;
}

export function computeHeadline(
  items: readonly EffortSource[],
  context: ScoringContext,
  cycleId: string,
): CycleHeadline {
  return headlineFromSums(collectHeadlineSums(items, context, cycleId), context, cycleId);
}

function collectHeadlineSums(items: readonly EffortSource[], context: ScoringContext, cycleId: string): HeadlineSums {
  // Accumulate per KR, then roll up the tree once per KR, not once per link.
  const effortByKr = new Map<string, number>();
  const addToKr = (kr: KrWeighting, portion: number): void => {
    effortByKr.set(kr.keyResultId, (effortByKr.get(kr.keyResultId) ?? 0) + portion);
  };
  let openEffort = 0;
  let misalignedEffort = 0;
  let openItemsWithoutEffort = 0;

  for (const item of items) {
    if (!isOpenStatus(item.status)) continue;
    const effort = usableEffort(item.effort) ? item.effort : null;
    if (effort !== null) openEffort += effort;
    else openItemsWithoutEffort += 1;
    const links = cycleLinksOf(item, context, cycleId);
    if (links.length === 0) {
      if (effort !== null) misalignedEffort += effort;
    } else {
      splitEffort(effort, links, addToKr);
    }
  }
  return { openEffort, misalignedEffort, openItemsWithoutEffort, effortByKr };
}

export function headlineFromSums(sums: HeadlineSums, context: ScoringContext, cycleId: string): CycleHeadline {
  const { openEffort, misalignedEffort, openItemsWithoutEffort, effortByKr } = sums;
  const effortByObjective = new Map<string, number>();
  for (const [keyResultId, effort] of effortByKr) {
    const objectiveId = context.keyResults.get(keyResultId)?.keyResult.objectiveId;
    if (effort === 0 || objectiveId === undefined) continue;
    // Effort on a team objective also serves the objectives it ladders up to.
    addEffort(effortByObjective, objectiveId, effort);
    for (const id of context.objectives.get(objectiveId)?.ancestorIds ?? []) addEffort(effortByObjective, id, effort);
  }

  const objectives: ObjectiveEffortShare[] = [...context.objectives.values()]
    .filter((o) => o.objective.cycleId === cycleId && !o.objective.deleted)
    .sort((a, b) => a.level - b.level || compareIds(a.objective.id, b.objective.id))
    .map((o) => {
      const effort = effortByObjective.get(o.objective.id) ?? 0;
      return {
        objectiveId: o.objective.id,
        parentId: o.objective.parentId,
        level: o.level,
        weightShare: o.share,
        effort,
        effortShare: openEffort > 0 ? effort / openEffort : null,
      };
    });

  let total = 0;
  for (const kr of context.keyResults.values()) if (countsForCycle(kr, cycleId)) total += 1;

  return {
    cycleId,
    openEffort,
    misalignedEffort,
    misalignedEffortShare: openEffort > 0 ? misalignedEffort / openEffort : null,
    openItemsWithoutEffort,
    objectives,
    krCoverage: { covered: effortByKr.size, total, share: total > 0 ? effortByKr.size / total : null },
  };
}

function addEffort(effortByObjective: Map<string, number>, objectiveId: string, portion: number): void {
  effortByObjective.set(objectiveId, (effortByObjective.get(objectiveId) ?? 0) + portion);
}
