/**
 * What the flagged list needs to offer the fix for each flag: the groups in
 * the order a PM should work them, the estimate inputs a "not scorable" item
 * lacks, and the other item a rank inversion names.
 */
import {
  EstimateFieldsSchema,
  ESTIMATE_FIELD_RULES,
  type EstimateField,
  type ItemFlagCode,
  type ScoreBreakdown,
} from '@keyline/shared';

type FlagGroupText = Omit<FlagGroupSpec, 'code'>;

/**
 * Heading and hint per flag, in the order a PM should work them (cheapest,
 * most common fix first: tagging to a KR takes one click). Keyed by the code
 * type, so a new flag fails the build until it has a group.
 */
const FLAG_GROUP_TEXT: Record<ItemFlagCode, FlagGroupText> = {
  UNALIGNED: { label: 'No key result', hint: 'Open items not linked to any key result of the active cycle.' },
  STALE_ALIGNMENT: {
    label: 'Stale alignment',
    hint: 'Linked only to closed cycles, achieved key results or deleted objectives.',
  },
  NOT_SCORABLE: {
    label: 'Not scorable',
    hint: 'Missing or out-of-range estimates, so they cannot be ranked by value.',
  },
  LOW_VALUE_HIGH_EFFORT: {
    label: 'Low value for high effort',
    hint: 'Bottom quarter of value per point of effort and top quarter of effort.',
  },
  RANK_INVERSION: { label: 'Rank inversion', hint: 'Ranked far above items worth much more.' },
};

export interface FlagGroupSpec {
  code: ItemFlagCode;
  label: string;
  /** What the group means, in one line under its heading. */
  hint: string;
}

export const FLAG_GROUPS: readonly FlagGroupSpec[] = (Object.keys(FLAG_GROUP_TEXT) as ItemFlagCode[]).map((code) => ({
  code,
  ...FLAG_GROUP_TEXT[code],
}));

/** Fields to fill in: the missing ones, then the out-of-range ones. */
export function fieldsToFix(breakdown: ScoreBreakdown | null): EstimateField[] {
  if (!breakdown) return ['effort'];
  const fields = [...breakdown.intrinsic.missing, ...breakdown.intrinsic.invalid];
  return fields.length > 0 ? [...new Set(fields)] : ['effort'];
}

export type ParsedField = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads what the PM typed. Confidence is typed as a percent (80 → 0.8), as
 * the backlog table shows it; everything else as the number it is.
 */
export function parseEstimateInput(field: EstimateField, raw: string): ParsedField {
  const text = raw.trim().replace(/%$/, '').replace(/,/g, '');
  if (text === '') return { ok: false, message: `Enter the ${ESTIMATE_FIELD_RULES[field].label}.` };
  const typed = Number(text);
  if (!Number.isFinite(typed)) return { ok: false, message: 'Enter a number.' };
  const value = field === 'confidence' ? typed / 100 : typed;
  const parsed = EstimateFieldsSchema.shape[field].safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Out of range.';
    return { ok: false, message: field === 'confidence' ? 'Between 0 and 100%.' : message };
  }
  return { ok: true, value };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The rank-inversion sentence names the more valuable item only by id
 * ("Ranked 36 places above item 2976…"); the row shows its title instead.
 */
export function moreValuableItemId(message: string): string | null {
  return UUID.exec(message)?.[0] ?? null;
}

export function withItemTitle(message: string, itemId: string, title: string | undefined): string {
  return title
    ? message.replace(`item ${itemId}`, `“${title}”`)
    : message.replace(`item ${itemId}`, 'a more valuable item');
}
