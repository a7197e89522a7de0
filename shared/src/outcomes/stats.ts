// Small statistics the outcome figures need: median, Spearman's rank
// correlation, and the rule that says when a sample is too small to read.

/** Figures from fewer items than this say "too few to judge". */
export const TOO_FEW_BELOW = 10;

export const CORRELATION_NOTE = 'Correlation, not proof of cause: a KR can move for reasons no backlog item explains.';

export function sampleNote(count: number): string {
  if (count >= TOO_FEW_BELOW) return '';
  return `${count} ${count === 1 ? 'item' : 'items'}: too few to judge`;
}

/** Median of the values (sorted copy); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Ranks 1..n with ties given their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && (order[j + 1] as { value: number }).value === (order[i] as { value: number }).value)
      j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[(order[k] as { index: number }).index] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rho: Pearson's correlation of the average ranks (correct with
 * ties). Null below 3 pairs or when either side has no spread.
 */
export function spearman(pairs: readonly { x: number; y: number }[]): number | null {
  const n = pairs.length;
  if (n < 3) return null;
  const rx = averageRanks(pairs.map((p) => p.x));
  const ry = averageRanks(pairs.map((p) => p.y));
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (rx[i] as number) - mean;
    const dy = (ry[i] as number) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
