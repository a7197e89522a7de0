import type { ItemOutcomeState, LinkOutcomeDto, OutcomeSummaryDto } from '@keyline/shared';
import { formatDay, formatMetric, formatPercent, MISSING } from '../../../lib/format';

/** Icon + word for an item's outcome (never colour alone, docs/UI.md, "Visual system"). */
export const OUTCOME_BADGE: Record<ItemOutcomeState, { icon: string; label: string }> = {
  moved: { icon: '↗', label: 'Moved' },
  'not-moved': { icon: '→', label: 'Not moved' },
  waiting: { icon: '…', label: 'Waiting for a check-in' },
};

/** A share of the KR's range as signed whole percents: "+30%", "−4%", "0%". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  const text = formatPercent(Math.abs(share));
  if (Math.round(share * 100) === 0) return share === 0 ? '0%' : share > 0 ? '+<1%' : '−<1%';
  return `${share > 0 ? '+' : '−'}${text}`;
}

/**
 * What happened to one KR after an item shipped, in a sentence:
 * "4.8% → 5.6% by 26 Mar: +30% of the range, +28% beyond its earlier pace."
 */
export function movementSentence(link: LinkOutcomeDto, metricType?: string): string {
  const fmt = (v: number) => formatMetric(v, link.unit, metricType, { full: true });
  if (link.state === 'waiting' || link.valueAfter === null) {
    return `${fmt(link.valueAtDone)} when it shipped; no check-in since.`;
  }
  const by = link.measuredUntil ? ` by ${formatDay(link.measuredUntil)}` : '';
  return (
    `${fmt(link.valueAtDone)} → ${fmt(link.valueAfter)}${by}: ${formatShare(link.movement)} of the range, ` +
    `${formatShare(link.lift)} beyond its earlier pace${link.provisional ? ' (window not over yet)' : ''}.`
  );
}

/** "Hit rate 50% (2 of 4)", or the sample note when nothing is judged. */
export function hitRateText(summary: Pick<OutcomeSummaryDto, 'hitRate' | 'hits' | 'judged'>): string {
  if (summary.hitRate === null) return 'No shipped item judged yet';
  return `${formatPercent(summary.hitRate)} (${summary.hits} of ${summary.judged})`;
}

/** A small share with one decimal ("+0.2%"), whole percents from 10% ("+12%"). */
export function formatSmallShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
  if (Math.abs(share) >= 0.1 || share === 0) return formatShare(share);
  const tenths = Math.round(Math.abs(share) * 1000) / 10;
  if (tenths === 0) return share > 0 ? '+<0.1%' : '−<0.1%';
  return `${share > 0 ? '+' : '−'}${tenths.toFixed(1)}%`;
}

/** The median credit per effort point as a share of range: "+0.6% per point". */
export function perPointText(value: number | null): string {
  return value === null ? MISSING : `${formatSmallShare(value)} per point`;
}
