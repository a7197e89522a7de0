import { DAY_MS, isoDay } from '@keyline/shared';

/** The calendar day (UTC, YYYY-MM-DD) `offset` days from today: quarters and check-ins placed around now. */
export function dayFromToday(offset: number): string {
  return isoDay(Date.now() + offset * DAY_MS);
}
