/**
 * Confidence is judged, progress is measured (ui.md): a 0–10 judgement maps
 * to a band that is always shown as icon + word, never colour alone.
 */
export type ConfidenceBand = 'on-track' | 'at-risk' | 'off-track' | 'none';

export const BAND_LABEL: Record<ConfidenceBand, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  none: 'No check-in',
};

export const BAND_ICON: Record<ConfidenceBand, string> = {
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '✕',
  none: '○',
};

/** ≥7 on track, 4–6 at risk, ≤3 off track; no confidence yet means no check-in. */
export function confidenceBand(confidence: number | null | undefined): ConfidenceBand {
  if (confidence === null || confidence === undefined || !Number.isFinite(confidence)) return 'none';
  if (confidence >= 7) return 'on-track';
  if (confidence >= 4) return 'at-risk';
  return 'off-track';
}

const SEVERITY: Record<ConfidenceBand, number> = { none: 0, 'on-track': 1, 'at-risk': 2, 'off-track': 3 };

/**
 * An objective's status is its worst key result (Perdoo, Carbon "consolidated
 * status"). KRs without a check-in do not make it look better or worse; with
 * no check-in anywhere it is "No check-in".
 */
export function worstBand(confidences: (number | null | undefined)[]): ConfidenceBand {
  let worst: ConfidenceBand = 'none';
  for (const c of confidences) {
    const band = confidenceBand(c);
    if (SEVERITY[band] > SEVERITY[worst]) worst = band;
  }
  return worst;
}
