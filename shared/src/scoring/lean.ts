// Scoring without the breakdown: the numbers and the absolute flags of one
// item, for keeping a whole backlog scored. The breakdown (and the flags'
// sentences) are rebuilt on demand for the items someone looks at; both
// paths share intrinsicValue, alignmentOf and valueFrom, so they agree to the bit.
import { alignmentOf, isStaleReason } from './alignment';
import { calibratedEstimates } from './calibration';
import type { ScoringContext } from './context';
import { intrinsicValue } from './intrinsic';
import { isOpenStatus } from './population';
import type { AlignmentTerm, ItemFlagCode, ScoringItem, ScoringLink, ScoringItemStatus } from './types';
import { valueFrom } from './value';

/** The flags that depend on the item and the OKRs alone, as bits. */
export const ABSOLUTE_FLAG_BITS = { NOT_SCORABLE: 1, UNALIGNED: 2, STALE_ALIGNMENT: 4 } as const;
/** The two population-relative flags, as bits beside the absolute ones. */
export const RELATIVE_FLAG_BITS = { LOW_VALUE_HIGH_EFFORT: 8, RANK_INVERSION: 16 } as const;

export const FLAG_BITS: Readonly<Record<ItemFlagCode, number>> = { ...ABSOLUTE_FLAG_BITS, ...RELATIVE_FLAG_BITS };
const FLAG_ORDER: readonly ItemFlagCode[] = [
  'NOT_SCORABLE',
  'UNALIGNED',
  'STALE_ALIGNMENT',
  'LOW_VALUE_HIGH_EFFORT',
  'RANK_INVERSION',
];

/** Flag codes in the order flagItem emits them. */
export function flagCodesOf(bits: number): ItemFlagCode[] {
  return bits === 0 ? [] : FLAG_ORDER.filter((code) => (bits & FLAG_BITS[code]) !== 0);
}

/** One item scored, without the breakdown. */
export interface LeanScoredItem {
  id: string;
  status: ScoringItemStatus;
  teamId: string | null;
  rank: number | null;
  effort: number | null;
  links: readonly ScoringLink[];
  intrinsic: number | null;
  alignment: number;
  valueScore: number | null;
  /** The live links, resolved (as in the breakdown). */
  terms: readonly AlignmentTerm[];
  /** NOT_SCORABLE, UNALIGNED, STALE_ALIGNMENT as ABSOLUTE_FLAG_BITS; 0 for done and dropped items. */
  absoluteFlags: number;
}

export function scoreLean(item: ScoringItem, context: ScoringContext): LeanScoredItem {
  const intrinsic = intrinsicValue(calibratedEstimates(item, context).item, context.settings);
  const alignment = alignmentOf(item, context);
  const aligned = alignment.terms.length > 0;
  const valueScore = valueFrom(intrinsic, aligned, alignment.total, context.settings);
  let absoluteFlags = 0;
  if (isOpenStatus(item.status)) {
    if (valueScore === null) absoluteFlags |= ABSOLUTE_FLAG_BITS.NOT_SCORABLE;
    if (!aligned) {
      const ignored = alignment.ignoredLinks;
      absoluteFlags |=
        ignored.length > 0 && ignored.every((l) => isStaleReason(l.reason))
          ? ABSOLUTE_FLAG_BITS.STALE_ALIGNMENT
          : ABSOLUTE_FLAG_BITS.UNALIGNED;
    }
  }
  return {
    id: item.id,
    status: item.status,
    teamId: item.teamId,
    rank: item.rank,
    effort: item.effort,
    links: item.links,
    intrinsic,
    alignment: alignment.total,
    valueScore,
    terms: alignment.terms,
    absoluteFlags,
  };
}
