import { Cron } from 'croner';

const DIGEST_PATTERN = '0 9 * * 1';
const patterns = new Map<string, Cron>();

/** The latest Monday 09:00 in this time zone at or before `now` (croner does the calendar, DST included). */
export function lastMondayNine(timeZone: string, now: Date): Date | null {
  let cron = patterns.get(timeZone);
  if (!cron) {
    cron = new Cron(DIGEST_PATTERN, { timezone: timeZone, paused: true });
    patterns.set(timeZone, cron);
  }
  return cron.previousRuns(1, now)[0] ?? null;
}

/** The hour (0–23) on the wall clock of this time zone. */
export function localHour(timeZone: string, now: Date): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(hour);
}

/** The calendar day (YYYY-MM-DD) in this time zone. */
export function localDay(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
