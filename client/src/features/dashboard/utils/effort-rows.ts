import { formatDay, formatPercent } from '../../../lib/format';

/** What an effort-vs-weight row needs: the dashboard's EffortShare and the planner's PlanObjective both fit. */
export interface EffortShareInput {
  objectiveId: string;
  title: string;
  level: number;
  weightShare: number;
  effortShare: number | null;
}

export interface EffortRow {
  /** An objective id, or NO_KEY_RESULT for effort that serves no KR of the quarter. */
  id: string;
  title: string;
  effortShare: number;
  /** null for the "No key result" row: nobody gave it weight. */
  weightShare: number | null;
  /** effortShare − weightShare; positive = more effort than its weight asks for. */
  gap: number;
}

export const NO_KEY_RESULT = 'no-key-result';

const byGap = (a: EffortRow, b: EffortRow) => Math.abs(b.gap) - Math.abs(a.gap) || a.title.localeCompare(b.title);

/**
 * Effort share per company objective next to its weight share, sorted by the
 * gap (ui.md §4: "effort vs intent → horizontal bars + weight marker sorted by
 * gap"), with misaligned effort as its own row so the shares add up to 100%.
 * Null when there is no effort to share out (an empty plan, no estimates).
 */
export function effortRows(
  objectives: readonly EffortShareInput[],
  misalignedShare: number | null | undefined,
): EffortRow[] | null {
  if (misalignedShare === null || misalignedShare === undefined) return null;
  const rows: EffortRow[] = objectives
    .filter((o) => o.level === 0)
    .map((o) => {
      const effortShare = o.effortShare ?? 0;
      return {
        id: o.objectiveId,
        title: o.title,
        effortShare,
        weightShare: o.weightShare,
        gap: effortShare - o.weightShare,
      };
    });
  rows.sort(byGap);
  rows.push({
    id: NO_KEY_RESULT,
    title: 'No key result',
    effortShare: misalignedShare,
    weightShare: null,
    gap: misalignedShare,
  });
  return rows;
}

/** "+12 pp", "−5 pp", "0 pp" (ui.md §2: changes in shares are percentage points). */
export function formatPoints(delta: number): string {
  const points = Math.round(delta * 100);
  if (points === 0) return '0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pp`;
}

/** One row as a sentence, for the bar's accessible name. */
export function effortRowSentence(row: EffortRow): string {
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
