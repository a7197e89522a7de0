import { STATUS_RULES, type OkrStatus } from '@keyline/shared';

/**
 * Confidence is judged, progress is measured (docs/UI.md): a 0–10 judgement maps
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

/**
 * The same cut-offs as the dashboard's status (STATUS_RULES in shared): at
 * or below 4 is at risk, at or below 2 off track, so a KR never reads "at
 * risk" on one screen and "on track" on another. No confidence yet means no
 * check-in.
 */
export function confidenceBand(confidence: number | null | undefined): ConfidenceBand {
  if (confidence === null || confidence === undefined || !Number.isFinite(confidence)) return 'none';
  if (confidence <= STATUS_RULES.offTrackConfidence) return 'off-track';
  if (confidence <= STATUS_RULES.atRiskConfidence) return 'at-risk';
  return 'on-track';
}

/** The bands in words, for form hints: "5–10 on track · 3–4 at risk · 0–2 off track". */
export const CONFIDENCE_BANDS_HINT = `${STATUS_RULES.atRiskConfidence + 1}–10 on track · ${STATUS_RULES.offTrackConfidence + 1}–${STATUS_RULES.atRiskConfidence} at risk · 0–${STATUS_RULES.offTrackConfidence} off track`;

/** A key result's status (keyResultStatus in shared) drawn with the same icon + word badge as confidence. */
export const STATUS_BAND: Record<OkrStatus, ConfidenceBand> = {
  'off-track': 'off-track',
  'at-risk': 'at-risk',
  'on-track': 'on-track',
  'no-check-in': 'none',
};
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
