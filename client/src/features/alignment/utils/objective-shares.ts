/**
 * Effort share per objective next to the weight leadership gave it, sorted
 * by the gap so the most out-of-proportion objective comes first
 * (docs/ARCHITECTURE.md, "Derived data"; the rows come from shared's
 * effort-share module, like the dashboard's).
 */
import {
  byEffortGap,
  noKeyResultRow,
  objectiveEffortRow,
  type AlignmentReport,
  type EffortShareRow,
} from '@keyline/shared';

export type ShareRow = EffortShareRow;

export interface ShareGroups {
  /** Company objectives plus the "No key result" row: their shares add up to 1. */
  top: ShareRow[];
  /**
   * Team objectives (level ≥ 1). Their weight shares add up to 1 within a
   * level, so their effort is shared out within the level too: 8% of all
   * effort next to a 33% weight would compare a part with a whole.
   */
  nested: ShareRow[];
}

export function objectiveShareRows(report: Pick<AlignmentReport, 'objectives' | 'headline'>): ShareGroups | null {
  const misaligned = report.headline?.misalignedEffortShare;
  // Without open effort there is no share to compare.
  if (misaligned === null || misaligned === undefined) return null;
  const levelEffort = new Map<number, number>();
  for (const o of report.objectives) levelEffort.set(o.level, (levelEffort.get(o.level) ?? 0) + o.effort);
  const nested = report.objectives
    .filter((o) => o.level > 0)
    .map((o) => {
      const total = levelEffort.get(o.level) ?? 0;
      return objectiveEffortRow({ ...o, effortShare: total > 0 ? o.effort / total : 0 });
    });
  return {
    top: [...report.objectives.filter((o) => o.level === 0).map(objectiveEffortRow), noKeyResultRow(misaligned)].sort(
      byEffortGap,
    ),
    nested: nested.sort(byEffortGap),
  };
}
