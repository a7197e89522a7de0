import type { OutcomeSummaryDto } from '@keyline/shared';
import { formatNumber, formatPercent } from '../../../lib/format';
import { formatShare } from './outcome-format';

export interface CalibrationBar {
  label: string;
  count: number;
  hits: number;
  /** 0–1; null for an empty bucket (drawn as no bar, read as "no items"). */
  hitRate: number | null;
  medianCredit: number | null;
  /** "8 of 25" above the bar. */
  countLabel: string;
}

/** The calibration chart's bars: each prediction bucket with how often the KR moved after its items. */
export function calibrationBars(calibration: OutcomeSummaryDto['calibration']): CalibrationBar[] {
  return calibration.buckets.map((b) => ({
    label: b.label,
    count: b.count,
    hits: b.hits,
    hitRate: b.hitRate,
    medianCredit: b.medianCredit,
    countLabel: b.count === 0 ? 'none' : `${b.hits} of ${b.count}`,
  }));
}

/** "ρ 0.21 over 78 items", or why there is none. */
export function spearmanText(calibration: OutcomeSummaryDto['calibration']): string {
  const n = `${formatNumber(calibration.sampleSize)} ${calibration.sampleSize === 1 ? 'item' : 'items'}`;
  if (calibration.spearman === null) return `No rank correlation over ${n} (too few, or no spread)`;
  return `Rank correlation (Spearman ρ) ${calibration.spearman.toFixed(2).replace('-', '−')} over ${n}`;
}

/** The chart's text alternative: every bucket in words, then the correlation and its caveat. */
export function calibrationSentence(calibration: OutcomeSummaryDto['calibration']): string {
  if (calibration.sampleSize === 0)
    return 'No judged item has an impact and a confidence yet, so there is nothing to calibrate.';
  const buckets = calibration.buckets
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `predicted ${b.label}: ${b.hits} of ${b.count} moved their KR (${formatPercent(b.hitRate)}), median credit ${formatShare(b.medianCredit)} of the range`,
    );
  const note = calibration.sampleNote ? ` ${calibration.sampleNote}.` : '';
  return `${buckets.join('; ')}. ${spearmanText(calibration)}.${note}`;
}
