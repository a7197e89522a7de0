// Effort share per objective against the weight leadership gave it: the rows
// behind the alignment page's and the dashboard's effort bars (and the
// planner's). Misaligned effort is a row of its own, so the shares add up.

/** The id of the row for open effort that serves no key result. */
export const NO_KEY_RESULT = 'no-key-result';

/** What a row needs: the alignment report's, the dashboard's and the planner's objectives all fit. */
export interface EffortShareInput {
  objectiveId: string;
  title: string;
  level: number;
  weightShare: number;
  effortShare: number | null;
}

export interface EffortShareRow {
  /** An objective id, or NO_KEY_RESULT. */
  id: string;
  title: string;
  level: number;
  effortShare: number;
  /** null for the NO_KEY_RESULT row: nobody gave it weight. */
  weightShare: number | null;
  /** effortShare − weightShare: positive = more effort than its weight asks for. */
  gap: number;
}

export function objectiveEffortRow(o: EffortShareInput): EffortShareRow {
  const effortShare = o.effortShare ?? 0;
  return {
    id: o.objectiveId,
    title: o.title,
    level: o.level,
    effortShare,
    weightShare: o.weightShare,
    gap: effortShare - o.weightShare,
  };
}

export function noKeyResultRow(misalignedShare: number): EffortShareRow {
  return {
    id: NO_KEY_RESULT,
    title: 'No key result',
    level: 0,
    effortShare: misalignedShare,
    weightShare: null,
    gap: misalignedShare,
  };
}

/** Most out-of-proportion first; ties by title. */
export const byEffortGap = (a: EffortShareRow, b: EffortShareRow): number =>
  Math.abs(b.gap) - Math.abs(a.gap) || a.title.localeCompare(b.title);
