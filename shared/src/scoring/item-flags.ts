// Flags on one backlog item, each with a sentence a PM can act on.
// Done and dropped items are history: they are never flagged.
import { isStaleReason } from './alignment';
import type { ScoringContext } from './context';
import { formatNumber } from './format';
import { describeUnscorable } from './intrinsic';
import { isLowValueHighEffort, isOpenStatus, type LowValueThresholds, type RankInversion } from './population';
import type { IgnoredLinkReason, ItemFlag, ScoreBreakdown, ScoringItem } from './types';

/** Population-level facts for this item, computed by population.ts. */
export interface RelativeFlagInputs {
  lowValueThresholds: LowValueThresholds | null;
  rankInversion: RankInversion | null;
}

/** Shared by every unflagged item (most done/dropped ones) to spare allocations. */
export const NO_FLAGS: readonly ItemFlag[] = Object.freeze([]);

export const NO_RELATIVE_FLAGS: RelativeFlagInputs = Object.freeze({ lowValueThresholds: null, rankInversion: null });

const FRAMEWORK_LABELS = { rice: 'RICE', wsjf: 'WSJF', ice: 'ICE', custom: 'the custom formula' } as const;

const STALE_LABELS: Record<Exclude<IgnoredLinkReason, 'inactive-cycle'>, string> = {
  'closed-cycle': 'in a closed cycle',
  achieved: 'already achieved',
  'deleted-key-result': 'deleted',
  'deleted-objective': 'under a deleted objective',
  'unknown-key-result': 'no longer existing',
  'unknown-cycle': 'in a missing cycle',
};

export function flagItem(
  item: Pick<ScoringItem, 'status' | 'effort'>,
  breakdown: ScoreBreakdown,
  context: Pick<ScoringContext, 'activeCycleIds' | 'settings'>,
  relative: RelativeFlagInputs = NO_RELATIVE_FLAGS,
): readonly ItemFlag[] {
  if (!isOpenStatus(item.status)) return NO_FLAGS;
  const flags: ItemFlag[] = [];
  const { intrinsic, alignment } = breakdown;

  if (breakdown.valueScore === null) {
    flags.push({
      code: 'NOT_SCORABLE',
      message: `Cannot score with ${FRAMEWORK_LABELS[intrinsic.framework]}: ${describeUnscorable(intrinsic)}. Fill in the estimates so it can be ranked.`,
    });
  }

  if (alignment.terms.length === 0) {
    const links = alignment.ignoredLinks;
    if (links.length > 0 && links.every((l) => isStaleReason(l.reason))) {
      flags.push({ code: 'STALE_ALIGNMENT', message: staleMessage(links.map((l) => l.reason)) });
    } else {
      const upcoming = links.some((l) => l.reason === 'inactive-cycle');
      flags.push({ code: 'UNALIGNED', message: unalignedMessage(upcoming, context.activeCycleIds.length > 0) });
    }
  }

  const thresholds = relative.lowValueThresholds;
  const value = breakdown.valueScore;
  const effort = item.effort;
  if (
    thresholds !== null &&
    value !== null &&
    effort !== null &&
    isLowValueHighEffort({ status: item.status, effort, valueScore: value }, thresholds)
  ) {
    flags.push({
      code: 'LOW_VALUE_HIGH_EFFORT',
      message:
        `Value per point of effort (${formatNumber(value / effort)}) is in the bottom quarter of open items (≤ ${formatNumber(thresholds.valuePerEffortP25)}) ` +
        `while its effort (${formatNumber(effort)}) is in the top quarter (≥ ${formatNumber(thresholds.effortP75)}). Split it, cut scope or drop it.`,
    });
  }

  const inversion = relative.rankInversion;
  if (inversion !== null && breakdown.valueScore !== null) {
    // A zero value has no meaningful ratio ("Infinity×"), so say "above" instead.
    const comparison =
      inversion.valueScore > 0
        ? `${formatNumber(inversion.moreValuableScore / inversion.valueScore)}× this one's`
        : "above this one's";
    flags.push({
      code: 'RANK_INVERSION',
      message:
        `Ranked ${inversion.positions} places above item ${inversion.moreValuableItemId}, whose value score ` +
        `(${formatNumber(inversion.moreValuableScore)}) is ${comparison} (${formatNumber(inversion.valueScore)}). ` +
        'Move it down, or revisit the estimates if the rank is right.',
      relatedItemId: inversion.moreValuableItemId,
    });
  }
  return flags.length === 0 ? NO_FLAGS : flags;
}

function unalignedMessage(hasUpcomingLinks: boolean, hasActiveCycle: boolean): string {
  if (!hasActiveCycle) {
    return 'No cycle is active, so no item can serve a current key result. Activate the cycle for this quarter, then link the item to the KR it moves.';
  }
  if (hasUpcomingLinks) {
    return 'Not linked to any key result of the active cycle, only to ones of a cycle that has not started. Link it to a key result of the active cycle too, or park it until that cycle starts.';
  }
  return 'Not linked to any key result of the active cycle. Link it to the KR it moves, or question why it is in the backlog.';
}

/** Counts each kind of stale link, in the fixed order of STALE_LABELS. */
function staleMessage(reasons: IgnoredLinkReason[]): string {
  const parts: string[] = [];
  for (const [reason, label] of Object.entries(STALE_LABELS)) {
    const count = reasons.filter((r) => r === reason).length;
    if (count > 0) parts.push(`${count} ${label}`);
  }
  const noun = reasons.length === 1 ? 'key result' : 'key results';
  return `Linked only to ${noun} that no longer need work (${parts.join(', ')}). Re-link it to a key result of the active cycle, or drop it.`;
}
