// Calibrated confidence: an item's stated confidence shrunk toward its
// team's observed hit rate. Beta-binomial: the stated confidence is the
// prior mean with `priorStrength` pseudo-items behind it, the team's settled
// history adds `hits` successes in `judged` trials. See docs/OUTCOMES.md §6.
import type { TrackRecord } from './types';

export interface CalibratedConfidence {
  stated: number;
  calibrated: number;
  hits: number;
  judged: number;
  priorStrength: number;
  /** A sentence saying why, for the score breakdown. */
  reason: string;
}

/** (priorStrength × stated + hits) ÷ (priorStrength + judged); the stated value when there is no history. */
export function calibrateConfidence(
  stated: number,
  record: TrackRecord | undefined,
  priorStrength: number,
): CalibratedConfidence {
  const hits = record?.hits ?? 0;
  const judged = record?.judged ?? 0;
  const denominator = priorStrength + judged;
  // No history returns the stated value itself: (k × stated) ÷ k can round
  // away from it (to 0 for a subnormal k).
  const calibrated = judged > 0 ? (priorStrength * stated + hits) / denominator : stated;
  return {
    stated,
    calibrated,
    hits,
    judged,
    priorStrength,
    reason: reasonFor(stated, calibrated, hits, judged, priorStrength),
  };
}

function reasonFor(stated: number, calibrated: number, hits: number, judged: number, k: number): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  if (judged === 0) return `No settled outcomes for this team yet, so the stated ${pct(stated)} stands.`;
  return (
    `The team's key results moved after ${hits} of ${judged} shipped ${judged === 1 ? 'item' : 'items'} (${pct(hits / judged)}). ` +
    `Weighing the stated ${pct(stated)} as ${k} ${k === 1 ? 'item' : 'items'} of history: ` +
    `(${k} × ${stated.toFixed(2)} + ${hits}) ÷ (${k} + ${judged}) = ${calibrated.toFixed(2)}.`
  );
}
