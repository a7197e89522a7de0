/**
 * The live preview: what the top items would score under the settings being
 * edited, computed in the browser with the shared engine so it matches what
 * the server will compute after saving. Alignment is re-derived from each
 * link's KR weighting in the breakdown (the boost depends on the settings).
 */
import {
  calibratedEstimates,
  combineValue,
  intrinsicScore,
  type AlignmentBreakdown,
  type ScoredBacklogItem,
  type ScoreBreakdown,
  type ScoringSettings,
  type TrackRecord,
} from '@keyline/shared';

export type TrackRecords = ReadonlyMap<string | null, TrackRecord>;
const NO_RECORDS: TrackRecords = new Map();

export function rescoreAlignment(alignment: AlignmentBreakdown, settings: ScoringSettings): AlignmentBreakdown {
  const { behindPaceBoost, lowConfidenceBoost, lowConfidenceBelow } = settings.alignment;
  let total = 0;
  const terms = alignment.terms.map((t) => {
    const w = t.keyResult;
    const confidenceShortfall =
      w.confidence === null ? 0 : Math.max(0, (lowConfidenceBelow - w.confidence) / lowConfidenceBelow);
    const boost = 1 + behindPaceBoost * w.paceShortfall + lowConfidenceBoost * confidenceShortfall;
    const term = t.strength * w.krShare * w.objectiveShare * boost;
    total += term;
    return { ...t, keyResult: { ...w, confidenceShortfall, boost }, term };
  });
  return { ...alignment, terms, total };
}

export type PreviewItem = Pick<ScoredBacklogItem, 'id' | 'title' | 'valueScore' | 'teamId'> &
  Pick<
    ScoredBacklogItem,
    | 'reach'
    | 'impact'
    | 'confidence'
    | 'effort'
    | 'businessValue'
    | 'timeCriticality'
    | 'riskReduction'
    | 'jobSize'
    | 'ease'
  > & {
    breakdown: ScoreBreakdown;
  };

/** The confidence the framework would read under these settings: the stated one unless calibration is on. */
export function previewConfidence(item: PreviewItem, settings: ScoringSettings, records: TrackRecords = NO_RECORDS) {
  return calibratedEstimates(item, { settings, trackRecords: records }).item.confidence;
}

export function rescoreItem(
  item: PreviewItem,
  settings: ScoringSettings,
  records: TrackRecords = NO_RECORDS,
): number | null {
  const { item: estimates } = calibratedEstimates(item, { settings, trackRecords: records });
  const intrinsic = intrinsicScore(estimates, settings);
  return combineValue(intrinsic.value, rescoreAlignment(item.breakdown.alignment, settings), settings).valueScore;
}

export interface PreviewRow {
  id: string;
  title: string;
  before: number | null;
  after: number | null;
  /** 1-based position among the sample today. */
  positionBefore: number;
  /** 1-based position among the sample under the new settings; null when not scorable. */
  positionAfter: number | null;
  /** The confidence scored with today and under the new settings (differ only when calibration changes). */
  confidenceBefore: number | null;
  confidenceAfter: number | null;
}

const byScoreDesc = (a: { score: number | null; index: number }, b: { score: number | null; index: number }) => {
  if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? a.index - b.index : 1) : -1;
  return b.score - a.score || a.index - b.index;
};

/**
 * `items` is today's order (highest value first). Returns today's top `n`
 * with their new scores and positions, and the new top `n`.
 */
export function previewTop(
  items: readonly PreviewItem[],
  settings: ScoringSettings,
  n = 5,
  records: TrackRecords = NO_RECORDS,
): { current: PreviewRow[]; next: PreviewRow[] } {
  const rescored = items.map((item, index) => ({ item, index, score: rescoreItem(item, settings, records) }));
  const order = [...rescored].sort(byScoreDesc);
  const positionAfter = new Map(order.map((r, i) => [r.item.id, r.score === null ? null : i + 1]));
  const row = (r: (typeof rescored)[number]): PreviewRow => ({
    id: r.item.id,
    title: r.item.title,
    before: r.item.valueScore,
    after: r.score,
    positionBefore: r.index + 1,
    positionAfter: positionAfter.get(r.item.id) ?? null,
    confidenceBefore: r.item.breakdown.calibratedConfidence ?? r.item.confidence,
    confidenceAfter: previewConfidence(r.item, settings, records),
  });
  return {
    current: rescored.slice(0, n).map(row),
    next: order
      .slice(0, n)
      .filter((r) => r.score !== null)
      .map(row),
  };
}
