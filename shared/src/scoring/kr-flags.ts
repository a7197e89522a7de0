// Flags on key results of active cycles: goals with no work behind them, and
// goals whose planned effort is out of proportion to their weight.
import { compareIds, type KeyResultContext, type ScoringContext } from './context';
import { splitEffort, type EffortSource } from './effort';
import { formatPercent } from './format';
import { isOpenStatus } from './population';
import type { KrFlag, KrWeighting } from './types';

/** Per live KR: open items linked to it and their strength-split effort. */
export interface KrWork {
  openItems: number;
  effort: number;
}

function isLive(kr: KeyResultContext): boolean {
  return kr.linkStatus === 'live' && kr.weighting !== null;
}

/** Open items and strength-split open effort per live KR, in one pass over items. */
function collectWork(items: readonly EffortSource[]): Map<string, KrWork> {
  const work = new Map<string, KrWork>();
  const addToKr = (kr: KrWeighting, portion: number): void => {
    const entry = work.get(kr.keyResultId);
    if (entry) {
      entry.openItems += 1;
      entry.effort += portion;
    } else {
      work.set(kr.keyResultId, { openItems: 1, effort: portion });
    }
  };
  for (const item of items) {
    // Live links are exactly the item's alignment terms.
    const terms = item.terms;
    if (terms.length > 0 && isOpenStatus(item.status)) splitEffort(item.effort, terms, addToKr);
  }
  return work;
}

export function flagKeyResults(items: readonly EffortSource[], context: ScoringContext): KrFlag[] {
  return flagKeyResultsFromWork(collectWork(items), context);
}

/**
 * The KR flags from the work per KR, however it was gathered: one pass over
 * the items here, or sums kept up to date as items change (live-backlog.ts).
 */
export function flagKeyResultsFromWork(work: ReadonlyMap<string, KrWork>, context: ScoringContext): KrFlag[] {
  const live = [...context.keyResults.values()]
    .filter(isLive)
    .map((kr) => kr.weighting as KrWeighting)
    .sort((a, b) => compareIds(a.keyResultId, b.keyResultId));

  // Effort and weight are compared among live KRs of the same cycle and
  // objective level, where weight shares add up to 1 (see docs/SCORING.md).
  const groups = new Map<string, { effort: number; weight: number; count: number }>();
  for (const w of live) {
    const key = `${w.cycleId}\u0000${w.level}`;
    const group = groups.get(key) ?? { effort: 0, weight: 0, count: 0 };
    group.effort += work.get(w.keyResultId)?.effort ?? 0;
    group.weight += w.krShare * w.objectiveShare;
    group.count += 1;
    groups.set(key, group);
  }

  const { behindPaceTolerance, atRiskConfidence, effortMismatchRatio, effortMismatchMinGap } = context.settings.krFlags;
  const flags: KrFlag[] = [];
  for (const w of live) {
    const kr = work.get(w.keyResultId) ?? { openItems: 0, effort: 0 };

    const behind =
      w.progress !== null && w.expectedProgress !== null && w.expectedProgress - w.progress > behindPaceTolerance;
    const atRisk = w.confidence !== null && w.confidence <= atRiskConfidence;
    if (kr.openItems === 0 && (behind || atRisk)) {
      const reasons: string[] = [];
      if (behind)
        reasons.push(
          `it is behind pace (${formatPercent(w.progress ?? 0)} done, ${formatPercent(w.expectedProgress ?? 0)} expected by now)`,
        );
      if (atRisk) reasons.push(`its latest confidence is ${w.confidence}/10`);
      flags.push({
        keyResultId: w.keyResultId,
        code: 'NO_WORK',
        message: `No open backlog item is linked to this key result, yet ${reasons.join(' and ')}. Link or create the work that will move it, or revisit the target.`,
      });
    }

    const group = groups.get(`${w.cycleId}\u0000${w.level}`);
    if (group && group.effort > 0) {
      const effortShare = kr.effort / group.effort;
      const weightShare = group.weight > 0 ? (w.krShare * w.objectiveShare) / group.weight : 1 / group.count;
      const gap = Math.abs(effortShare - weightShare);
      const over = effortShare >= effortMismatchRatio * weightShare;
      const under = effortShare * effortMismatchRatio <= weightShare;
      if (gap >= effortMismatchMinGap && gap > 0 && (over || under)) {
        const share = `Gets ${formatPercent(effortShare)} of the open effort linked to key results at its level but carries ${formatPercent(weightShare)} of their weight.`;
        flags.push({
          keyResultId: w.keyResultId,
          code: 'EFFORT_MISMATCH',
          message: over
            ? `${share} Move some of that work to under-served key results, or raise its weight if it really matters that much.`
            : `${share} Plan more work for it, or lower its weight.`,
        });
      }
    }
  }
  return flags;
}
