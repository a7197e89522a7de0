import { DAY_MS } from '@keyline/shared';
/**
 * Number and date formatting per docs/UI.md, "Visual system": separators always,
 * whole percents, a true minus sign, "—" for missing data.
 */
const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-US';
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });

export const MISSING = '—';

const minus = (text: string) => text.replace('-', '−');

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return minus(Number.isInteger(value) ? integer.format(value) : decimal.format(value));
}

/** Compact from 10,000 (cards, axes, chips): 12.5K, 1.2M. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return Math.abs(value) >= 10_000 ? minus(compact.format(value)) : formatNumber(value);
}

/** A 0–1 fraction as a whole percent; "<1%" for small non-zero values. May pass 100%. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  const pct = fraction * 100;
  if (pct > 0 && pct < 1) return '<1%';
  return `${minus(integer.format(Math.round(pct)))}%`;
}

/**
 * A value in a key result's unit: "$1.2M", "5.1%", "1,870 users". Money is
 * compact from 10,000 unless `full` is asked for (lists, tables, tooltips and
 * labels, where "$1.4M → $1.4M" would hide the move).
 */
export function formatMetric(
  value: number | null | undefined,
  unit: string,
  metricType?: string,
  { full = false }: { full?: boolean } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (metricType === 'milestone') return value >= 1 ? 'Done' : 'Not done';
  if (metricType === 'currency' || unit === '$' || unit === '€' || unit === '£') {
    const symbol = unit || '$';
    // In full, cents are noise from a thousand up ("$1,311,638", not "$1,311,637.5").
    const exact = Math.abs(value) >= 1000 ? integer.format(Math.round(Math.abs(value))) : formatNumber(Math.abs(value));
    return `${value < 0 ? '−' : ''}${symbol}${full ? exact : formatCompact(Math.abs(value))}`;
  }
  if (metricType === 'percent' || unit === '%') return `${formatNumber(value)}%`;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14 Aug" */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  return dayFormat.format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  return dateTimeFormat.format(new Date(iso));
}

/** "3 days ago", for check-in age. */
export function formatAge(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return 'never';
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "+12 pp", "−5 pp", "0 pp": changes in shares are percentage points, with a true minus. */
export function formatPoints(delta: number): string {
  const points = Math.round(delta * 100);
  if (points === 0) return '0 pp';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pp`;
}
