/**
 * Progress of a key result from its start towards its target: (current −
 * start) ÷ (target − start). Works for decreasing targets too (start 40,
 * target 10, current 25 → 0.5). Not clamped: a KR can overshoot (>1) or move
 * backwards (<0); only bars clamp. Null without a current value, and for
 * start = target, which the schemas refuse (there is no distance to cover).
 * The one rule for every screen, the API and the scoring engine.
 */
export function keyResultProgress(kr: {
  startValue: number;
  targetValue: number;
  currentValue: number | null;
}): number | null {
  if (kr.currentValue === null) return null;
  const span = kr.targetValue - kr.startValue;
  if (span === 0) return null;
  const progress = (kr.currentValue - kr.startValue) / span;
  return Number.isFinite(progress) ? progress : null;
}

/** Weighted mean of key-result progress; null when there is nothing to average. */
export function weightedProgress(parts: { progress: number; weight: number }[]): number | null {
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  if (parts.length === 0 || totalWeight <= 0) return null;
  return parts.reduce((sum, p) => sum + p.progress * p.weight, 0) / totalWeight;
}
