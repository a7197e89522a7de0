/**
 * Turns the engine's ScoreBreakdown (shared/src/scoring/types.ts) into
 * sentences a PM can check with a calculator: every number on screen is
 * explained by the terms that made it (docs/SCORING.md).
 */
import {
  ESTIMATE_FIELD_RULES,
  type AlignmentTerm,
  type EstimateField,
  type IgnoredLink,
  type IntrinsicBreakdown,
  type ScoreBreakdown,
  type ScoringFramework,
} from '@keyline/shared';
import { formatNumber } from '../../../lib/format';
import { roundScore } from './quadrants';

export const FRAMEWORK_NAMES: Record<ScoringFramework, string> = {
  rice: 'RICE',
  wsjf: 'WSJF',
  ice: 'ICE',
  custom: 'Custom score',
};

/** Only a complete breakdown is explained: the explainer also renders breakdowns handed to it by charts and tables. */
export function isScoreBreakdown(value: unknown): value is ScoreBreakdown {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<ScoreBreakdown>;
  return (
    typeof b.intrinsic === 'object' &&
    b.intrinsic !== null &&
    typeof b.intrinsic.framework === 'string' &&
    Array.isArray(b.intrinsic.missing) &&
    typeof b.alignment === 'object' &&
    b.alignment !== null &&
    Array.isArray(b.alignment.terms) &&
    typeof b.combination === 'object' &&
    b.combination !== null &&
    typeof b.combination.multiplier === 'number'
  );
}

export type KeyResultTitle = (keyResultId: string) => string | undefined;

export interface BreakdownSentences {
  /** "RICE 2,400 = 4,000 reach × 2 impact × 0.8 confidence ÷ 2.7 effort" */
  intrinsic: string;
  /** "alignment 0.42" or "alignment 0: not linked to a key result of the active cycle" */
  alignment: string;
  /** One sentence per live link. */
  alignmentTerms: string[];
  /** Links that count for nothing, and why. */
  ignoredLinks: string[];
  /** "value = 2,400 × (1 + 0.42) = 3,408" */
  value: string;
}

const score = (n: number) => formatNumber(roundScore(n));
const num = (n: number | null | undefined) => (n === null || n === undefined ? '?' : formatNumber(n));
const label = (field: EstimateField) => ESTIMATE_FIELD_RULES[field]?.label ?? field;
const input = (b: IntrinsicBreakdown, field: EstimateField) => `${num(b.inputs[field])} ${label(field)}`;

function intrinsicTerms(b: IntrinsicBreakdown): string {
  switch (b.framework) {
    case 'rice':
      return `${input(b, 'reach')} × ${input(b, 'impact')} × ${input(b, 'confidence')} ÷ ${input(b, 'effort')}`;
    case 'wsjf':
      return `(${input(b, 'businessValue')} + ${input(b, 'timeCriticality')} + ${input(b, 'riskReduction')}) ÷ ${input(b, 'jobSize')}`;
    case 'ice':
      return `${input(b, 'impact')} × ${input(b, 'confidence')} × ${input(b, 'ease')}`;
    case 'custom':
      return (
        (b.terms ?? []).map((t) => `${formatNumber(t.weight)} × ${num(t.value)} ${label(t.field)}`).join(' + ') ||
        'no criteria'
      );
  }
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function describeIntrinsic(b: IntrinsicBreakdown): string {
  const name = FRAMEWORK_NAMES[b.framework] ?? b.framework;
  if (b.value !== null) return `${name} ${score(b.value)} = ${intrinsicTerms(b)}`;
  const reasons: string[] = [];
  if (b.missing.length > 0) reasons.push(`missing ${listWords(b.missing.map(label))}`);
  for (const field of b.invalid) {
    reasons.push(
      `${label(field)} ${num(b.inputs[field])} is out of range (${ESTIMATE_FIELD_RULES[field]?.range ?? 'invalid'})`,
    );
  }
  if (reasons.length === 0) reasons.push('no criteria are configured');
  return `${name}: not scorable, ${reasons.join('; ')}`;
}

function boostName(term: AlignmentTerm): string {
  const { paceShortfall, confidenceShortfall } = term.keyResult;
  if (paceShortfall > 0 && confidenceShortfall > 0) return 'behind-pace and low-confidence boost';
  if (paceShortfall > 0) return 'behind-pace boost';
  return 'low-confidence boost';
}

export function describeTerm(term: AlignmentTerm, krTitle: KeyResultTitle): string {
  const kr = term.keyResult;
  const factors = [
    `strength ${formatNumber(term.strength)}`,
    `KR share ${formatNumber(kr.krShare)}`,
    `objective share ${formatNumber(kr.objectiveShare)}`,
  ];
  // A boost of exactly 1 multiplies by nothing; naming it would only add noise.
  if (kr.boost !== 1) factors.push(`${boostName(term)} ${formatNumber(kr.boost)}`);
  return `KR ${quoteTitle(krTitle(term.keyResultId))}: ${factors.join(' × ')} = ${formatNumber(term.term)}`;
}

const IGNORED_REASONS: Record<IgnoredLink['reason'], string> = {
  'unknown-key-result': 'the key result no longer exists',
  'deleted-key-result': 'the key result was deleted',
  'deleted-objective': 'its objective was deleted',
  'unknown-cycle': 'its cycle is unknown',
  'closed-cycle': 'its cycle is closed',
  achieved: 'the key result is already achieved',
  'inactive-cycle': 'its cycle has not started yet',
};

export function describeIgnoredLink(link: IgnoredLink, krTitle: KeyResultTitle): string {
  return `KR ${quoteTitle(krTitle(link.keyResultId))} counts for nothing: ${IGNORED_REASONS[link.reason] ?? link.reason}`;
}

function quoteTitle(title: string | undefined): string {
  return title ? `“${title}”` : '(not found)';
}

export function describeValue(b: ScoreBreakdown): string {
  const intrinsic = b.intrinsic.value;
  if (intrinsic === null || b.valueScore === null) return 'value: not scorable until the estimates above are complete';
  const c = b.combination;
  if (!c.aligned) {
    return `value = ${score(intrinsic)} × ${formatNumber(c.unalignedMultiplier)} for no key result = ${score(b.valueScore)}`;
  }
  const weighted =
    c.alignmentWeight === 1 ? num(b.alignment.total) : `${formatNumber(c.alignmentWeight)} × ${num(b.alignment.total)}`;
  return `value = ${score(intrinsic)} × (1 + ${weighted}) = ${score(b.valueScore)}`;
}

export function describeBreakdown(b: ScoreBreakdown, krTitle: KeyResultTitle): BreakdownSentences {
  const aligned = b.alignment.terms.length > 0;
  return {
    intrinsic: describeIntrinsic(b.intrinsic),
    alignment: aligned
      ? `alignment ${formatNumber(b.alignment.total)}`
      : 'alignment 0: not linked to a key result of the active cycle',
    alignmentTerms: b.alignment.terms.map((t) => describeTerm(t, krTitle)),
    ignoredLinks: b.alignment.ignoredLinks.map((l) => describeIgnoredLink(l, krTitle)),
    value: describeValue(b),
  };
}

/** All of it on one line, for a title attribute or a screen reader's description. */
export function breakdownToText(b: ScoreBreakdown, krTitle: KeyResultTitle): string {
  const s = describeBreakdown(b, krTitle);
  const alignment = s.alignmentTerms.length > 0 ? `${s.alignment} (${s.alignmentTerms.join(' + ')})` : s.alignment;
  return [s.intrinsic, alignment, ...s.ignoredLinks, s.value].join('; ');
}
