import type { Dashboard } from '@keyline/shared';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "At risk first: 1 off, 2 at risk, 5 on track" (plus KRs never checked in, when there are any). */
export function riskSummary(summary: Dashboard['summary']): string {
  const parts = [`${summary.offTrack} off`, `${summary.atRisk} at risk`, `${summary.onTrack} on track`];
  if (summary.noCheckIn > 0) parts.push(`${summary.noCheckIn} with no check-in`);
  return `At risk first: ${parts.join(', ')}`;
}

const utcStamp = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * "27 Nov 09:00 UTC". In UTC on purpose: a printed dashboard travels between
 * time zones, and the reader must know which moment the figures describe.
 */
export function formatUtcStamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = Object.fromEntries(utcStamp.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.hour}:${parts.minute} UTC`;
}

/** "2026-Q4, data as of 27 Nov 09:00 UTC". */
export function asOfLine(cycleName: string, asOf: string): string {
  return `${cycleName}, data as of ${formatUtcStamp(asOf)}`;
}

export { plural };
