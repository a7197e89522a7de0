// Number formatting for flag messages: short, human, locale-independent so
// messages are stable in tests and identical on server and client.

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/**
 * A value score as people read it: whole numbers from 100 up, one decimal
 * below. Lists send this; the item's detail keeps the exact figure.
 */
export function roundValueScore(score: number): number {
  return Math.abs(score) >= 100 ? Math.round(score) : Math.round(score * 10) / 10;
}
