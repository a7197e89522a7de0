// Days as the product counts them: whole UTC days, written 'YYYY-MM-DD', so
// the same instant gives the same day on every server and browser.

export const DAY_MS = 86_400_000;

/** The UTC day of an instant, as 'YYYY-MM-DD'. */
export function isoDay(at: Date | number = new Date()): string {
  return (typeof at === 'number' ? new Date(at) : at).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → epoch ms of that day's UTC midnight; NaN when malformed. */
export function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  // Reject 2025-02-31 and friends, which Date.UTC silently rolls over.
  return new Date(ms).getUTCDate() === date ? ms : Number.NaN;
}
