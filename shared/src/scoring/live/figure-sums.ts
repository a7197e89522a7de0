// The sums behind the headline figures and the KR flags, kept up to date as
// items change instead of recomputed over the whole backlog: each open item
// adds its contribution once and takes it back when it changes. Reading a
// headline then costs O(KRs + objectives), whatever the backlog's size.
import { distinctLinks } from '../alignment';
import type { ScoringContext } from '../context';
import { countsForCycle, usableEffort } from '../effort';
import { headlineFromSums, type CycleHeadline } from '../headline';
import { flagKeyResultsFromWork, type KrWork } from '../kr-flags';
import { isOpenStatus } from '../population';
import type { KrFlag } from '../types';
import type { LeanScoredItem } from '../lean';

/** What one open item adds to the sums (null for done and dropped items). */
export interface Contribution {
  teamId: string | null;
  /** The usable effort, or null when missing or unusable. */
  effort: number | null;
  /** Per KR of a counting link (docs/SCORING.md §7): its share of the effort within the KR's cycle. */
  headline: readonly (readonly [keyResultId: string, portion: number])[];
  /** The cycles in which the item has a counting link. */
  cycles: readonly string[];
  /** Per live link (the alignment terms): its share of the effort across all of them (§6). */
  live: readonly (readonly [keyResultId: string, portion: number])[];
}

const NONE: readonly never[] = Object.freeze([]);

export function contributionOf(item: LeanScoredItem, context: ScoringContext): Contribution | null {
  if (!isOpenStatus(item.status)) return null;
  const effort = usableEffort(item.effort) ? item.effort : null;
  const usable = effort ?? 0;
  let headline: (readonly [string, number])[] | typeof NONE = NONE;
  let cycles: string[] | typeof NONE = NONE;
  if (item.links.length > 0) {
    // Counting links in distinctLinks order (as computeHeadline reads them), split per cycle.
    const counting: { keyResultId: string; strength: number; cycleId: string }[] = [];
    for (const link of distinctLinks(item.links)) {
      const kr = context.keyResults.get(link.keyResultId);
      if (kr?.weighting && countsForCycle(kr, kr.weighting.cycleId))
        counting.push({ keyResultId: link.keyResultId, strength: link.strength, cycleId: kr.weighting.cycleId });
    }
    if (counting.length > 0) {
      const portions: (readonly [string, number])[] = [];
      const seen: string[] = [];
      for (const first of counting) {
        if (seen.includes(first.cycleId)) continue;
        seen.push(first.cycleId);
        let strengthSum = 0;
        for (const link of counting) if (link.cycleId === first.cycleId) strengthSum += link.strength;
        for (const link of counting)
          if (link.cycleId === first.cycleId)
            portions.push([link.keyResultId, strengthSum > 0 ? (usable * link.strength) / strengthSum : 0]);
      }
      headline = portions;
      cycles = seen;
    }
  }
  let live: (readonly [string, number])[] | typeof NONE = NONE;
  if (item.terms.length > 0) {
    let strengthSum = 0;
    for (const term of item.terms) strengthSum += term.strength;
    live = item.terms.map((t) => [t.keyResultId, strengthSum > 0 ? (usable * t.strength) / strengthSum : 0] as const);
  }
  return { teamId: item.teamId, effort, headline, cycles, live };
}

/**
 * A sum of doubles kept exactly, as non-overlapping partials (Shewchuk's
 * expansions, as Python's math.fsum): adding and later subtracting the
 * same numbers leaves no rounding residue, whatever the order, so a figure
 * kept up to date over months of edits equals one summed from scratch.
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): void {
    let x = value;
    let i = 0;
    const partials = this.partials;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) partials.push(x);
  }

  value(): number {
    let total = 0;
    for (let i = this.partials.length - 1; i >= 0; i--) total += this.partials[i] as number;
    return total;
  }

  /** this − other, exactly, then rounded once. */
  minus(other: ExactSum): number {
    const difference = new ExactSum();
    for (const p of this.partials) difference.add(p);
    for (const p of other.partials) difference.add(-p);
    return difference.value();
  }
}

interface Sum {
  items: number;
  effort: ExactSum;
}

/** The sums for one scope: the whole backlog, or one team's items. */
class ScopeSums {
  openItems = 0;
  readonly openEffort = new ExactSum();
  openWithoutEffort = 0;
  /** Per cycle: usable effort of open items with a counting link there. */
  readonly aligned = new Map<string, Sum>();
  readonly headline = new Map<string, Sum>();
  readonly live = new Map<string, Sum>();

  apply(c: Contribution, sign: 1 | -1): void {
    this.openItems += sign;
    if (c.effort !== null) {
      this.openEffort.add(sign * c.effort);
      for (const cycle of c.cycles) add(this.aligned, cycle, c.effort, sign);
    } else {
      this.openWithoutEffort += sign;
    }
    for (const [kr, portion] of c.headline) add(this.headline, kr, portion, sign);
    for (const [kr, portion] of c.live) add(this.live, kr, portion, sign);
  }
}

function add(map: Map<string, Sum>, key: string, amount: number, sign: 1 | -1): void {
  let sum = map.get(key);
  if (!sum) map.set(key, (sum = { items: 0, effort: new ExactSum() }));
  sum.items += sign;
  sum.effort.add(sign * amount);
  if (sum.items === 0) map.delete(key);
}

export class FigureSums {
  private readonly scopes = new Map<string, ScopeSums>([['', new ScopeSums()]]);

  apply(c: Contribution | null, sign: 1 | -1): void {
    if (!c) return;
    this.scope('').apply(c, sign);
    if (c.teamId !== null) this.scope(c.teamId).apply(c, sign);
  }

  openItems(teamId: string | null): number {
    return this.scopes.get(teamId ?? '')?.openItems ?? 0;
  }

  headline(context: ScoringContext, cycleId: string, teamId: string | null): CycleHeadline | null {
    if (!context.cycles.has(cycleId)) return null;
    const s = this.scopes.get(teamId ?? '') ?? new ScopeSums();
    const aligned = s.aligned.get(cycleId);
    const openEffort = s.openEffort.value();
    const misalignedEffort = aligned ? s.openEffort.minus(aligned.effort) : openEffort;
    const effortByKr = new Map<string, number>();
    for (const [kr, sum] of s.headline) {
      if (context.keyResults.get(kr)?.weighting?.cycleId === cycleId) effortByKr.set(kr, sum.effort.value());
    }
    return headlineFromSums(
      { openEffort, misalignedEffort, openItemsWithoutEffort: s.openWithoutEffort, effortByKr },
      context,
      cycleId,
    );
  }

  keyResultFlags(context: ScoringContext, teamId: string | null): KrFlag[] {
    const work = new Map<string, KrWork>();
    for (const [kr, sum] of this.scopes.get(teamId ?? '')?.live ?? [])
      work.set(kr, { openItems: sum.items, effort: sum.effort.value() });
    return flagKeyResultsFromWork(work, context);
  }

  private scope(key: string): ScopeSums {
    let scope = this.scopes.get(key);
    if (!scope) this.scopes.set(key, (scope = new ScopeSums()));
    return scope;
  }
}
