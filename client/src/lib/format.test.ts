import { describe, expect, it } from 'vitest';
import { formatAge, formatMetric, formatNumber, formatPercent } from './format';

describe('format', () => {
  it('separates thousands and uses a true minus', () => {
    expect(formatNumber(12480)).toBe('12,480');
    expect(formatNumber(-12)).toBe('−12');
    expect(formatNumber(null)).toBe('—');
  });
  it('shows whole percents, <1% and overshoot', () => {
    expect(formatPercent(0.524)).toBe('52%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(1.28)).toBe('128%');
  });
  it('formats metric values in their unit', () => {
    expect(formatMetric(1_200_000, '$', 'currency')).toBe('$1.2M');
    expect(formatMetric(1_358_000, '$', 'currency', { full: true })).toBe('$1,358,000');
    expect(formatMetric(1_311_637.5, '$', 'currency', { full: true })).toBe('$1,311,638');
    expect(formatMetric(5.1, '%', 'percent')).toBe('5.1%');
    expect(formatMetric(1870, 'users', 'number')).toBe('1,870 users');
    expect(formatMetric(1, '', 'milestone')).toBe('Done');
  });
  it('tells check-in age in days', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(formatAge('2026-11-24T11:00:00Z', now)).toBe('3 days ago');
    expect(formatAge(null, now)).toBe('never');
  });
});
