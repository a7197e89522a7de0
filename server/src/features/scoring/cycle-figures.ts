import {
  buildScoringContext,
  computeHeadline,
  flagKeyResults,
  isOpenStatus,
  type CycleHeadline,
  type KrFlag,
  type ScoredItem,
  type ScoringContext,
} from '@keyline/shared';
import type { ScoringSnapshot } from './scoring-snapshot';

/** The OKR structure a snapshot was scored against, built once per snapshot. */
const contexts = new WeakMap<ScoringSnapshot, ScoringContext>();

export function scoringContextOf(snapshot: ScoringSnapshot): ScoringContext {
  let context = contexts.get(snapshot);
  if (!context) {
    context = buildScoringContext({ ...snapshot.structure, settings: snapshot.settings, asOf: snapshot.asOf });
    contexts.set(snapshot, context);
  }
  return context;
}

/** What the alignment view, the dashboard and the headline history show for one cycle and team. */
export interface CycleFigures {
  /** Open items (of the team, if one was asked for), in value order. */
  open: readonly ScoredItem[];
  /** The open items the value × effort chart can plot: a value score and a positive effort. */
  plottable: readonly ScoredItem[];
  flagCounts: Readonly<Record<string, number>>;
  flaggedItems: number;
  /** Null without a cycle. */
  headline: CycleHeadline | null;
  keyResultFlags: readonly KrFlag[];
}

const figures = new WeakMap<ScoringSnapshot, Map<string, CycleFigures>>();

/**
 * Whole-backlog figures are pure functions of a snapshot, so they are
 * computed once per snapshot, cycle and team, however many dashboards,
 * alignment views and check-ins read them. Callers share the result: read-only.
 */
export function cycleFigures(snapshot: ScoringSnapshot, cycleId: string | null, teamId: string | null): CycleFigures {
  let perQuery = figures.get(snapshot);
  if (!perQuery) figures.set(snapshot, (perQuery = new Map()));
  const key = `${cycleId ?? ''}|${teamId ?? ''}`;
  let value = perQuery.get(key);
  if (!value) {
    value = computeFigures(snapshot, cycleId, teamId);
    perQuery.set(key, value);
  }
  return value;
}

function computeFigures(snapshot: ScoringSnapshot, cycleId: string | null, teamId: string | null): CycleFigures {
  const items = teamId ? snapshot.result.items.filter((i) => i.teamId === teamId) : snapshot.result.items;
  const open = items.filter((i) => isOpenStatus(i.status));
  const flagCounts: Record<string, number> = {};
  let flaggedItems = 0;
  for (const item of open) {
    if (item.flags.length) flaggedItems++;
    for (const f of item.flags) flagCounts[f.code] = (flagCounts[f.code] ?? 0) + 1;
  }
  const context = scoringContextOf(snapshot);
  return {
    open,
    plottable: open.filter((i) => i.valueScore !== null && i.effort !== null && i.effort > 0),
    flagCounts,
    flaggedItems,
    headline: cycleId ? computeHeadline(items, context, cycleId) : null,
    keyResultFlags: flagKeyResults(items, context),
  };
}
