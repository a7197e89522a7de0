import type { KeyResult } from '@keyline/shared';
import { formatMetric, formatNumber } from '../../../lib/format';

type Values = Pick<KeyResult, 'startValue' | 'currentValue' | 'targetValue' | 'unit' | 'metricType'>;

/**
 * "40 → 31 → 25 tickets": start → current → target with the unit once at the
 * end; currency carries its symbol on each value ("$1.2M → $1.4M → $2M").
 */
export function formatTrajectory(kr: Values): string {
  const { startValue: s, currentValue: c, targetValue: t, unit, metricType } = kr;
  if (metricType === 'milestone') return formatMetric(c, unit, metricType);
  if (metricType === 'currency' || unit === '$' || unit === '€' || unit === '£') {
    return [s, c, t].map((v) => formatMetric(v, unit, metricType)).join(' → ');
  }
  const suffix = metricType === 'percent' || unit === '%' ? '%' : unit ? ` ${unit}` : '';
  return `${formatNumber(s)} → ${formatNumber(c)} → ${formatNumber(t)}${suffix}`;
}

/** The same for screen readers, which read "→" badly: "start 40, now 31, target 25 tickets". */
export function describeTrajectory(kr: Values): string {
  const v = (x: number) => formatMetric(x, kr.unit, kr.metricType, { full: true });
  return `start ${v(kr.startValue)}, now ${v(kr.currentValue)}, target ${v(kr.targetValue)}`;
}

/** A signed change in the KR's unit with a true minus: "−4 tickets", "+1.5%". */
export function formatDelta(delta: number, kr: Pick<KeyResult, 'unit' | 'metricType'>): string {
  if (delta === 0) return 'no change';
  const magnitude = formatMetric(Math.abs(delta), kr.unit, kr.metricType === 'milestone' ? 'number' : kr.metricType);
  return `${delta > 0 ? '+' : '−'}${magnitude}`;
}
