// The engine's main entry: score every item absolutely, then apply the
// population-level rules, KR flags and headline figures over the result.
import { buildScoringContext, compareIds, type ScoringContext, type ScoringStructure } from './context';
import { computeHeadline, type CycleHeadline } from './headline';
import { flagItem, NO_RELATIVE_FLAGS, type RelativeFlagInputs } from './item-flags';
import { flagKeyResults } from './kr-flags';
import {
  computeLowValueThresholds,
  findRankInversions,
  type LowValueThresholds,
  type PopulationEntry,
} from './population';
import type { KrFlag, ScoreBreakdown, ScoredItem, ScoringItem } from './types';
import { evaluateItem } from './value';

export interface ScoreBacklogInput extends ScoringStructure {
  items: readonly ScoringItem[];
  /** Cycle for the headline figures; defaults to the active cycle (the latest-starting one if several). */
  headlineCycleId?: string;
}

export interface ScoreBacklogResult {
  /** Highest value score first; unscorable items last; ties by id. */
  items: ScoredItem[];
  krFlags: KrFlag[];
  /** Null when there is no active cycle (or the requested cycle does not exist). */
  headline: CycleHeadline | null;
  /** The quartiles LOW_VALUE_HIGH_EFFORT used; null when too few open items. */
  lowValueThresholds: LowValueThresholds | null;
}

/** Scores one item. Pass `relative` (from population.ts) to also get the two population-relative flags. */
export function scoreItem(
  item: ScoringItem,
  context: ScoringContext,
  relative: RelativeFlagInputs = NO_RELATIVE_FLAGS,
): ScoredItem {
  return toScoredItem(item, evaluateItem(item, context), context, relative);
}

function toScoredItem(
  item: ScoringItem,
  breakdown: ScoreBreakdown,
  context: ScoringContext,
  relative: RelativeFlagInputs,
): ScoredItem {
  return {
    id: item.id,
    status: item.status,
    teamId: item.teamId,
    rank: item.rank,
    intrinsic: breakdown.intrinsic.value,
    alignment: breakdown.alignment.total,
    valueScore: breakdown.valueScore,
    breakdown,
    flags: flagItem(item, breakdown, context, relative),
  };
}

function byValueDescending(a: ScoredItem, b: ScoredItem): number {
  if (a.valueScore !== b.valueScore) {
    if (a.valueScore === null) return 1;
    if (b.valueScore === null) return -1;
    return b.valueScore - a.valueScore;
  }
  return compareIds(a.id, b.id);
}

export function scoreBacklog(input: ScoreBacklogInput): ScoreBacklogResult {
  const context = buildScoringContext(input);
  // A canonical order makes every sum (and so every figure) bit-identical
  // whatever order the caller's query returned the items in.
  const items = [...input.items].sort((a, b) => compareIds(a.id, b.id));

  const breakdowns = items.map((item) => evaluateItem(item, context));
  const population: PopulationEntry[] = items.map((item, i) => ({
    id: item.id,
    status: item.status,
    rank: item.rank,
    effort: item.effort,
    valueScore: breakdowns[i]?.valueScore ?? null,
  }));
  const lowValueThresholds = computeLowValueThresholds(population, context.settings);
  const inversions = findRankInversions(population, context.settings);

  const scored = items.map((item, i) =>
    toScoredItem(item, breakdowns[i] as ScoreBreakdown, context, {
      lowValueThresholds,
      rankInversion: inversions.get(item.id) ?? null,
    }),
  );
  scored.sort(byValueDescending);

  const headlineCycleId = input.headlineCycleId ?? context.activeCycleIds[0];
  const headline =
    headlineCycleId !== undefined && context.cycles.has(headlineCycleId)
      ? computeHeadline(items, context, headlineCycleId)
      : null;

  return { items: scored, krFlags: flagKeyResults(items, context), headline, lowValueThresholds };
}
