// Status of KRs and objectives: the one rule for every screen, the share
// page, the API and the notifications. Progress is measured and confidence
// is judged: either one can put a KR at risk.
import { clampUnit } from '../scoring/progress';

export const OKR_STATUSES = ['off-track', 'at-risk', 'on-track', 'no-check-in'] as const;
export type OkrStatus = (typeof OKR_STATUSES)[number];

export const AT_RISK_REASONS = ['behind-pace', 'low-confidence'] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

/**
 * Pace ratio = progress ÷ expected progress. ≥ 0.9 is on pace, ≥ 0.7 at
 * risk, below off track (Perdoo/UpRaise-style). Confidence ≤ 4 is at risk,
 * ≤ 2 off track.
 */
export const STATUS_RULES = Object.freeze({ onPace: 0.9, atRiskPace: 0.7, atRiskConfidence: 4, offTrackConfidence: 2 });

export interface KrStatusInput {
  /** Unclamped progress. */
  progress: number | null;
  expectedProgress: number | null;
  confidence: number | null;
  hasCheckIn: boolean;
}

export interface KrStatusResult {
  status: OkrStatus;
  atRisk: boolean;
  reasons: AtRiskReason[];
}

/** Pace ratio; 1 when nothing is expected yet (the cycle has not started). */
function paceRatio(progress: number | null, expected: number | null): number {
  if (expected === null || expected <= 0) return 1;
  return clampUnit(progress ?? 0) / expected;
}

export function krStatus(input: KrStatusInput): KrStatusResult {
  const ratio = paceRatio(input.progress, input.expectedProgress);
  const reasons: AtRiskReason[] = [];
  if (ratio < STATUS_RULES.onPace) reasons.push('behind-pace');
  if (input.confidence !== null && input.confidence <= STATUS_RULES.atRiskConfidence) reasons.push('low-confidence');
  let status: OkrStatus;
  if (!input.hasCheckIn) status = 'no-check-in';
  else if (
    ratio < STATUS_RULES.atRiskPace ||
    (input.confidence !== null && input.confidence <= STATUS_RULES.offTrackConfidence)
  )
    status = 'off-track';
  else if (reasons.length > 0) status = 'at-risk';
  else status = 'on-track';
  return { status, atRisk: reasons.length > 0, reasons };
}

/**
 * A key result's status from what its DTO carries (progress, latest
 * confidence) and the pace its cycle expects now (expectedProgress; null
 * when there is none, which leaves confidence alone to decide).
 */
export function keyResultStatus(
  kr: { progress: number | null; latestConfidence: number | null },
  expected: number | null,
): KrStatusResult {
  return krStatus({
    progress: kr.progress,
    expectedProgress: expected,
    confidence: kr.latestConfidence,
    // Every check-in carries a confidence: none yet means no check-in.
    hasCheckIn: kr.latestConfidence !== null,
  });
}

const SEVERITY: Record<OkrStatus, number> = { 'off-track': 0, 'at-risk': 1, 'no-check-in': 2, 'on-track': 3 };

/** Lower sorts first: off track, at risk, no check-in, on track. */
export function statusSeverity(status: OkrStatus): number {
  return SEVERITY[status];
}

/** An objective's status: the worst of its checked-in KRs; 'no-check-in' when none has one. */
export function worstStatus(statuses: readonly OkrStatus[]): OkrStatus {
  const checkedIn = statuses.filter((s) => s !== 'no-check-in');
  if (checkedIn.length === 0) return 'no-check-in';
  return checkedIn.reduce((worst, s) => (SEVERITY[s] < SEVERITY[worst] ? s : worst));
}
