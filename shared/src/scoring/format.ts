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
