/**
 * Effort share per objective next to the weight leadership gave it, sorted
 * by the gap so the most out-of-proportion objective comes first (ui.md §4:
 * "effort vs intent? → horizontal bars + weight marker sorted by gap").
 */
import type { AlignmentReport } from '@keyline/shared';

export interface ShareRow {
  /** An objective id, or NO_KR_ROW for effort serving no key result. */
  id: string;
  title: string;
  level: number;
  effortShare: number;
  weightShare: number;
  /** effortShare − weightShare: positive = more effort than its weight. */
  gap: number;
}

export const NO_KR_ROW = 'no-key-result';

export interface ShareGroups {
  /** Company objectives plus the "No KR" row: their weight shares add up to 1. */
  top: ShareRow[];
  /**
   * Team objectives (level ≥ 1). Their weight shares add up to 1 within a
   * level, so their effort is shared out within the level too: 8% of all
   * effort next to a 33% weight would compare a part with a whole.
   */
  nested: ShareRow[];
}

const byGap = (a: ShareRow, b: ShareRow) => Math.abs(b.gap) - Math.abs(a.gap) || a.title.localeCompare(b.title);

export function objectiveShareRows(report: Pick<AlignmentReport, 'objectives' | 'headline'>): ShareGroups | null {
  const misaligned = report.headline?.misalignedEffortShare;
  // Without open effort there is no share to compare.
  if (misaligned === null || misaligned === undefined) return null;
  const rows = report.objectives.map((o) => {
    const effortShare = o.effortShare ?? 0;
    return {
      id: o.objectiveId,
      title: o.title,
      level: o.level,
      effortShare,
      weightShare: o.weightShare,
      gap: effortShare - o.weightShare,
    };
  });
  const noKr: ShareRow = {
    id: NO_KR_ROW,
    title: 'No key result',
    level: 0,
    effortShare: misaligned,
    weightShare: 0,
    gap: misaligned,
  };
  const levelEffort = new Map<number, number>();
  for (const o of report.objectives) levelEffort.set(o.level, (levelEffort.get(o.level) ?? 0) + o.effort);
  const nested = report.objectives
    .filter((o) => o.level > 0)
    .map((o) => {
      const total = levelEffort.get(o.level) ?? 0;
      const effortShare = total > 0 ? o.effort / total : 0;
      return {
        id: o.objectiveId,
        title: o.title,
        level: o.level,
        effortShare,
        weightShare: o.weightShare,
        gap: effortShare - o.weightShare,
      };
    });
  return {
    top: [...rows.filter((r) => r.level === 0), noKr].sort(byGap),
    nested: nested.sort(byGap),
  };
}

/** "+12 pp", "−5 pp", "0 pp": changes in share are percentage points (ui.md §2). */
export function formatGap(gap: number): string {
  const points = Math.round(gap * 100);
  if (points === 0) return '0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pp`;
}
