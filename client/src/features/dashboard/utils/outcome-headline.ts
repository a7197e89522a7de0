import type { OutcomeHeadline } from '@keyline/shared';
import { formatPercent, formatPoints } from '../../../lib/format';

/** The quarter before this one that had judged work, for the change in points. */
export function previousJudged(headline: OutcomeHeadline): OutcomeHeadline['trend'][number] | null {
  const earlier = headline.trend.filter((t) => t.cycleId !== headline.cycleId && t.hitRate !== null);
  return earlier.at(-1) ?? null;
}

/**
 * The headline as one sentence: "3 of 8 shipped items moved a key result
 * (38%), +12 pp on 2026-Q3." Small samples say so; nothing judged says why.
 */
export function outcomeHeadlineSentence(headline: OutcomeHeadline): string {
  if (headline.shipped === 0) return 'No linked work has shipped this quarter yet.';
  if (headline.judged === 0)
    return `${headline.shipped} shipped ${headline.shipped === 1 ? 'item waits' : 'items wait'} for a check-in on ${headline.shipped === 1 ? 'its' : 'their'} key result.`;
  const base = `${headline.hits} of ${headline.judged} shipped ${headline.judged === 1 ? 'item' : 'items'} moved a key result (${formatPercent(headline.hitRate)})`;
  const before = previousJudged(headline);
  const change =
    before && headline.hitRate !== null
      ? `, ${formatPoints(headline.hitRate - (before.hitRate ?? 0))} on ${before.name}`
      : '';
  return `${base}${change}.${headline.sampleNote ? ` ${headline.sampleNote}.` : ''}`;
}
