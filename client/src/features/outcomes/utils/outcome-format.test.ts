import { describe, expect, it } from 'vitest';
import type { LinkOutcomeDto } from '@keyline/shared';
import { formatShare, formatSmallShare, hitRateText, movementSentence, perPointText } from './outcome-format';

const link = {
  keyResultId: 'k',
  keyResultTitle: 'Trial-to-paid',
  ownerId: null,
  ownerName: null,
  unit: '%',
  strength: 3,
  state: 'measured',
  provisional: false,
  valueAtDone: 4,
  measuredUntil: '2026-02-19T00:00:00.000Z',
  valueAfter: 4.8,
  movement: 0.4,
  paceBefore: 0,
  paceAfter: 0.1,
  lift: 0.4,
  moved: true,
  sharedWith: [],
  creditShare: 0.75,
  credit: 0.3,
} satisfies LinkOutcomeDto;

describe('outcome wording', () => {
  it('signs shares of the range with a true minus and keeps tiny moves visible', () => {
    expect(formatShare(0.4)).toBe('+40%');
    expect(formatShare(-0.04)).toBe('−4%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.001)).toBe('+<1%');
    expect(formatShare(null)).toBe('—');
  });

  it('gives movement per effort point a decimal while it is small', () => {
    expect(perPointText(0.0017)).toBe('+0.2% per point');
    expect(perPointText(-0.06)).toBe('−6.0% per point');
    expect(perPointText(0.25)).toBe('+25% per point');
    expect(formatSmallShare(0.00001)).toBe('+<0.1%');
    expect(perPointText(null)).toBe('—');
  });

  it('says what the KR did after the ship, and that a waiting pair has nothing yet', () => {
    expect(movementSentence(link, 'percent')).toMatch(
      /^4% → 4\.8% by .+: \+40% of the range, \+40% beyond its earlier pace\.$/,
    );
    expect(movementSentence({ ...link, provisional: true }, 'percent')).toContain('(window not over yet)');
    expect(movementSentence({ ...link, state: 'waiting', valueAfter: null }, 'percent')).toBe(
      '4% when it shipped; no check-in since.',
    );
  });

  it('reads a hit rate with its counts, never as 0% when nothing is judged', () => {
    expect(hitRateText({ hitRate: 0.5, hits: 2, judged: 4 })).toBe('50% (2 of 4)');
    expect(hitRateText({ hitRate: null, hits: 0, judged: 0 })).toBe('No shipped item judged yet');
  });
});
