import {
  byEffortGap,
  noKeyResultRow,
  objectiveEffortRow,
  type EffortShareInput,
  type EffortShareRow,
} from '@keyline/shared';
import { formatDay, formatPercent, formatPoints } from '../../../lib/format';

export type EffortRow = EffortShareRow;

/**
 * Effort share per company objective next to its weight share, sorted by the
 * gap, with misaligned effort last as its own row so the shares add up to
 * 100%. Null when there is no effort to share out (an empty plan, no estimates).
 */
export function effortRows(
  objectives: readonly EffortShareInput[],
  misalignedShare: number | null | undefined,
): EffortRow[] | null {
  if (misalignedShare === null || misalignedShare === undefined) return null;
  const rows = objectives.filter((o) => o.level === 0).map(objectiveEffortRow);
  rows.sort(byEffortGap);
  rows.push(noKeyResultRow(misalignedShare));
  return rows;
}

/** One row as a sentence, for the bar's accessible name. */
export function effortRowSentence(
  row: Pick<EffortRow, 'id' | 'title' | 'effortShare' | 'weightShare' | 'gap'>,
): string {
  if (row.weightShare === null)
    return `${row.title}: ${formatPercent(row.effortShare)} of the effort serves no key result`;
  return `${row.title}: ${formatPercent(row.effortShare)} of the effort against ${formatPercent(row.weightShare)} of the weight (${formatPoints(row.gap)})`;
}

export interface SharePoint {
  t: number;
  share: number;
}

/** The recorded misaligned-effort history (never recomputed), oldest first, without the points that had no effort. */
export function misalignedHistory(
  history: readonly { recordedAt: string; misalignedEffortShare: number | null }[],
): SharePoint[] {
  return history
    .filter((h): h is { recordedAt: string; misalignedEffortShare: number } => h.misalignedEffortShare !== null)
    .map((h) => ({ t: Date.parse(h.recordedAt), share: h.misalignedEffortShare }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t);
}

/** "Misaligned effort is 18% now, up 6 pp from 12% on 1 Oct." */
export function misalignedSentence(now: number | null, history: SharePoint[]): string {
  if (now === null) return 'No open item has an effort estimate, so there is no misaligned share to show.';
  const head = `Misaligned effort is ${formatPercent(now)} now`;
  const first = history[0];
  if (!first || history.length < 2)
    return `${head}. Its trend appears once Keyline has recorded it again (it does daily and at every check-in).`;
  const delta = now - first.share;
  const direction =
    Math.round(delta * 100) === 0
      ? 'unchanged'
      : `${delta > 0 ? 'up' : 'down'} ${formatPoints(Math.abs(delta)).replace('+', '')}`;
  return `${head}, ${direction} from ${formatPercent(first.share)} on ${formatDay(new Date(first.t).toISOString())}.`;
}
