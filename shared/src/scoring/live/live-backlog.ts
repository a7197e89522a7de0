// A whole backlog kept scored as it changes. Scores are absolute, so a
// change costs what it touches: an item edit re-scores that item, an OKR
// change re-scores the items linked to the KRs whose weighting moved. The
// figures over the population — value order, the low-value quartiles, rank
// inversions, headline sums, KR work — are kept in typed arrays and sums
// updated per item, and read in linear time at most. Pure: no I/O; the
// server feeds it rows (server/src/features/scoring/live-scores.ts).
import { compareIds, type KeyResultContext, type ScoringContext } from '../context';
import { usableEffort } from '../effort';
import type { CycleHeadline } from '../headline';
import { NO_RELATIVE_FLAGS, type RelativeFlagInputs } from '../item-flags';
import { FLAG_BITS, flagCodesOf, RELATIVE_FLAG_BITS, scoreLean, type LeanScoredItem } from '../lean';
import { isLowValueHighEffort, isOpenStatus, type LowValueThresholds } from '../population';
import { scoreItem } from '../score-backlog';
import type { ItemFlagCode, KrFlag, ScoredItem, ScoringItem } from '../types';
import { contributionOf, FigureSums, type Contribution } from './figure-sums';
import { PopulationIndex } from './population-index';
import { SortedSlots } from './sorted-slots';

/** An item as the backlog keeps it: its scoring inputs and, when done, since when. */
export interface LiveItemInput extends ScoringItem {
  doneAt: string | null;
}

/** Whole-backlog figures for one cycle and team (the alignment view's and the dashboard's). */
export interface LiveFigures {
  headline: CycleHeadline | null;
  keyResultFlags: readonly KrFlag[];
  flagCounts: Readonly<Record<string, number>>;
  flaggedItems: number;
  openItems: number;
  /** Open items the value × effort chart can plot: a value score and a usable effort. */
  plottable: number;
}

/** A state bit beside the absolute flag bits: the item is open. */
const OPEN = 128;

/** Changes touching more than this share of the backlog re-sort it once instead of item by item. */
const BATCH_SHARE = 1 / 16;

export class LiveBacklog {
  private ids: string[] = [];
  private inputs: (LiveItemInput | undefined)[] = [];
  private scored: (LeanScoredItem | undefined)[] = [];
  private contributions: (Contribution | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  // Per-slot columns, so whole-backlog passes read numbers, not objects.
  private valueKey = new Float64Array(64);
  private rankKey = new Float64Array(64);
  /** Value score, NaN when not scorable. */
  private values = new Float64Array(64).fill(Number.NaN);
  /** Usable effort of an open item, NaN otherwise. */
  private openEfforts = new Float64Array(64).fill(Number.NaN);
  /** Absolute flag bits | OPEN for open items; 0 for none. */
  private states = new Uint8Array(64);
  /** Team index + 1 (0: no team). */
  private teams = new Int32Array(64);
  private readonly teamIndex = new Map<string, number>();
  private readonly valueOrder = new SortedSlots(
    (a, b) => (this.valueKey[b] as number) - (this.valueKey[a] as number) || compareIds(this.id(a), this.id(b)),
  );
  private readonly rankOrder = new SortedSlots(
    (a, b) => (this.rankKey[a] as number) - (this.rankKey[b] as number) || compareIds(this.id(a), this.id(b)),
  );
  /** Key result id → slots of the items linked to it (any link). */
  private readonly linked = new Map<string, Set<number>>();
  /** Key result id → a counter bumped when one of its linked items changes (caches linkedItems). */
  private readonly linkedVersions = new Map<string, number>();
  /** Key result id → open items linked to it (one per link). */
  private readonly openLinks = new Map<string, number>();
  private readonly sums = new FigureSums();
  private scoredCount = 0;
  private readonly population: PopulationIndex;

  /** Bumped by every change; caches below compare against it. */
  version = 0;
  private thresholdsVersion = 0;
  private inversionsVersion = 0;
  private valueOrderVersion = 0;
  private readonly cache = new Map<string, { at: number; value: unknown }>();

  constructor(private contextNow: ScoringContext) {
    // Getters, not values: the columns are replaced when they grow.
    const columns = {
      values: () => this.values,
      openEfforts: () => this.openEfforts,
      ranks: () => this.rankKey,
      capacity: () => this.ids.length,
    };
    this.population = new PopulationIndex({
      get values() {
        return columns.values();
      },
      get openEfforts() {
        return columns.openEfforts();
      },
      get ranks() {
        return columns.ranks();
      },
      get capacity() {
        return columns.capacity();
      },
      rankOrder: () => this.rankOrder.ordered(),
      idOf: (slot) => this.id(slot),
    });
  }

  /** Scores a whole backlog, pausing (a `yield` of the items done so far) every `slice` items. */
  static *build(
    items: Iterable<LiveItemInput>,
    context: ScoringContext,
    slice = 2_000,
  ): Generator<number, LiveBacklog, void> {
    const backlog = new LiveBacklog(context);
    backlog.valueOrder.markDirty();
    backlog.rankOrder.markDirty();
    let done = 0;
    for (const item of items) {
      backlog.upsert(item);
      if (++done % slice === 0) yield done;
    }
    backlog.valueOrder.ordered();
    backlog.rankOrder.ordered();
    return backlog;
  }

  static of(items: Iterable<LiveItemInput>, context: ScoringContext): LiveBacklog {
    const steps = LiveBacklog.build(items, context, Number.POSITIVE_INFINITY);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  get context(): ScoringContext {
    return this.contextNow;
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Every item's inputs (for a rebuild against another context). */
  *allInputs(): Generator<LiveItemInput> {
    for (const input of this.inputs) if (input) yield input;
  }

  input(id: string): LiveItemInput | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.inputs[slot];
  }

  /** Adds or replaces an item and re-scores it. */
  upsert(input: LiveItemInput): void {
    let slot = this.slotOf.get(input.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      this.slotOf.set(input.id, slot);
      this.grow(slot);
      this.ids[slot] = input.id;
    } else {
      this.detach(slot);
    }
    this.inputs[slot] = input;
    this.attach(slot);
    this.version++;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.detach(slot);
    this.inputs[slot] = undefined;
    this.scored[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.version++;
  }

  /** How many items a new context would re-score: every one when the formula or settings that score all items changed. */
  affectedBy(context: ScoringContext): number {
    if (scoresAllItems(this.contextNow, context)) return this.size;
    let count = 0;
    for (const kr of changedKeyResults(this.contextNow, context)) count += this.linked.get(kr)?.size ?? 0;
    return count;
  }

  /** Moves to a new OKR structure, settings or day, re-scoring what it changes. */
  setContext(context: ScoringContext): void {
    const before = this.contextNow;
    const all = scoresAllItems(before, context);
    const slots = new Set<number>();
    if (!all) {
      for (const kr of changedKeyResults(before, context))
        for (const slot of this.linked.get(kr) ?? []) slots.add(slot);
    }
    this.contextNow = context;
    const count = all ? this.size : slots.size;
    if (count > this.size * BATCH_SHARE) {
      this.valueOrder.markDirty();
      this.rankOrder.markDirty();
    }
    const rescore = (slot: number) => {
      this.detach(slot);
      this.attach(slot);
    };
    if (all) for (const slot of this.slotOf.values()) rescore(slot);
    else for (const slot of slots) rescore(slot);
    if (JSON.stringify(before.settings.itemFlags) !== JSON.stringify(context.settings.itemFlags)) {
      this.thresholdsVersion++;
      this.inversionsVersion++;
    }
    this.version++;
  }

  item(id: string): LeanScoredItem | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.scored[slot];
  }

  doneAt(id: string): string | null {
    return this.input(id)?.doneAt ?? null;
  }

  lowValueThresholds(): LowValueThresholds | null {
    return this.population.lowValueThresholds(this.thresholdsVersion, this.contextNow.settings);
  }

  /** The population facts scoreItem needs to flag this item as the whole-backlog view does. */
  relativeInputs(id: string): RelativeFlagInputs {
    const lowValueThresholds = this.lowValueThresholds();
    const slot = this.slotOf.get(id);
    if (slot === undefined) return lowValueThresholds ? { lowValueThresholds, rankInversion: null } : NO_RELATIVE_FLAGS;
    const rankInversion = this.population.inversionOf(slot, this.inversionsVersion, this.contextNow.settings);
    return { lowValueThresholds, rankInversion };
  }

  /** The full score with its breakdown and every flag's sentence: for the rows someone looks at. */
  scoreFull(item: ScoringItem): ScoredItem {
    return scoreItem(item, this.contextNow, this.relativeInputs(item.id));
  }

  /** Every flag of an item as bits (ABSOLUTE_FLAG_BITS | RELATIVE_FLAG_BITS). */
  flagBits(id: string): number {
    const slot = this.slotOf.get(id);
    return slot === undefined ? 0 : this.flagBitsOf(slot, this.lowValueThresholds());
  }

  flagCodes(id: string): ItemFlagCode[] {
    return flagCodesOf(this.flagBits(id));
  }

  /** Item ids by value, highest first and unscorable last; `asc` reverses the scored part only. Read-only. */
  idsInValueOrder(order: 'asc' | 'desc'): readonly string[] {
    return this.cached(
      `ids:${order}`,
      this.valueOrderVersion,
      () => this.idsInValueOrderPage(order, 0, Number.POSITIVE_INFINITY).ids,
    );
  }

  /**
   * One page of `idsInValueOrder`, without listing every id: the backlog
   * page by value reads 50 ids of 100,000 after each write.
   */
  idsInValueOrderPage(order: 'asc' | 'desc', offset: number, limit: number): { ids: string[]; total: number } {
    const slots = this.valueOrder.ordered();
    const total = slots.length;
    const ids: string[] = [];
    for (let i = Math.max(0, offset); i < Math.min(total, offset + limit); i++) {
      // asc reverses the scored part only; the unscorable stay last.
      const at = order === 'asc' && i < this.scoredCount ? this.scoredCount - 1 - i : i;
      ids.push(this.id(slots[at] as number));
    }
    return { ids, total };
  }

  /** The items in value order (highest first, unscorable last). Read-only. */
  itemsInValueOrder(): readonly LeanScoredItem[] {
    return this.cached('items', this.version, () =>
      Array.from(this.valueOrder.ordered(), (slot) => this.scored[slot] as LeanScoredItem),
    );
  }

  /** The alignment view's whole-backlog figures for a cycle (null: none) and a team (null: all). */
  figures(cycleId: string | null, teamId: string | null): LiveFigures {
    return this.cached(`figures:${cycleId ?? ''}:${teamId ?? ''}`, this.version, () => {
      const thresholds = this.lowValueThresholds();
      const team = teamId === null ? -1 : (this.teamIndex.get(teamId) ?? -2);
      const perBit = new Int32Array(8);
      let flaggedItems = 0;
      let plottable = 0;
      for (let slot = 0; slot < this.ids.length; slot++) {
        if ((this.states[slot] as number) < OPEN || (team !== -1 && this.teams[slot] !== team)) continue;
        if (this.values[slot] === this.values[slot] && this.openEfforts[slot] === this.openEfforts[slot]) plottable++;
        const bits = this.flagBitsOf(slot, thresholds);
        if (bits === 0) continue;
        flaggedItems++;
        for (let bit = 0; bit < 5; bit++) if (bits & (1 << bit)) perBit[bit]! += 1;
      }
      const flagCounts: Record<string, number> = {};
      for (const code of flagCodesOf(0b11111)) {
        const count = perBit[Math.log2(FLAG_BITS[code])] as number;
        if (count > 0) flagCounts[code] = count;
      }
      return {
        headline: cycleId === null ? null : this.headline(cycleId, teamId),
        keyResultFlags: this.sums.keyResultFlags(this.contextNow, teamId),
        flagCounts,
        flaggedItems,
        openItems: this.sums.openItems(teamId),
        plottable,
      };
    });
  }

  /** The headline figures of a cycle, for the whole backlog or one team: O(KRs + objectives). */
  headline(cycleId: string, teamId: string | null): CycleHeadline | null {
    return this.sums.headline(this.contextNow, cycleId, teamId);
  }

  /** Per key result, how many open items are linked to it. Read-only. */
  openItemCounts(): ReadonlyMap<string, number> {
    return this.openLinks;
  }

  /** The status of every item linked to a key result, and when the done ones became done. Read-only. */
  linkedItems(keyResultId: string): readonly { status: string; doneAt: string | null }[] {
    return this.cached(`linked:${keyResultId}`, this.linkedVersions.get(keyResultId) ?? 0, () =>
      [...(this.linked.get(keyResultId) ?? [])].map((slot) => {
        const input = this.inputs[slot] as LiveItemInput;
        return { status: input.status, doneAt: input.doneAt };
      }),
    );
  }

  private cached<T>(key: string, version: number, compute: () => T): T {
    const hit = this.cache.get(key);
    if (hit && hit.at === version) return hit.value as T;
    const value = compute();
    this.cache.set(key, { at: version, value });
    return value;
  }

  private id(slot: number): string {
    return this.ids[slot] as string;
  }

  private flagBitsOf(slot: number, thresholds: LowValueThresholds | null): number {
    const state = this.states[slot] as number;
    if (state < OPEN) return 0;
    let bits = state & ~OPEN;
    const value = this.values[slot] as number;
    if (value !== value) return bits;
    const effort = this.openEfforts[slot] as number;
    if (
      thresholds !== null &&
      effort === effort &&
      isLowValueHighEffort({ status: 'ready', effort, valueScore: value }, thresholds)
    )
      bits |= RELATIVE_FLAG_BITS.LOW_VALUE_HIGH_EFFORT;
    if (this.population.isInverted(slot, this.inversionsVersion, this.contextNow.settings))
      bits |= RELATIVE_FLAG_BITS.RANK_INVERSION;
    return bits;
  }

  /** Takes an item out of every order, sum and index (before its inputs or score change). */
  private detach(slot: number): void {
    const item = this.scored[slot];
    const input = this.inputs[slot];
    if (!item || !input) return;
    this.valueOrder.remove(slot);
    if (this.rankOrder.has(slot)) {
      this.rankOrder.remove(slot);
      this.inversionsVersion++;
    }
    if (isQuartileMember(item)) this.thresholdsVersion++;
    if (item.valueScore !== null) this.scoredCount--;
    this.values[slot] = Number.NaN;
    this.openEfforts[slot] = Number.NaN;
    this.states[slot] = 0;
    this.sums.apply(this.contributions[slot] ?? null, -1);
    this.contributions[slot] = null;
    const open = isOpenStatus(item.status);
    for (const link of input.links) {
      this.linked.get(link.keyResultId)?.delete(slot);
      this.linkedVersions.set(link.keyResultId, (this.linkedVersions.get(link.keyResultId) ?? 0) + 1);
      if (open) {
        const count = (this.openLinks.get(link.keyResultId) ?? 0) - 1;
        if (count > 0) this.openLinks.set(link.keyResultId, count);
        else this.openLinks.delete(link.keyResultId);
      }
    }
    this.valueOrderVersion++;
  }

  /** Scores the slot's inputs and puts the item in every order, sum and index. */
  private attach(slot: number): void {
    const input = this.inputs[slot] as LiveItemInput;
    const item = scoreLean(input, this.contextNow);
    this.scored[slot] = item;
    this.valueKey[slot] = item.valueScore ?? Number.NEGATIVE_INFINITY;
    this.valueOrder.insert(slot);
    if (item.valueScore !== null) this.scoredCount++;
    const open = isOpenStatus(item.status);
    if (open && item.rank !== null && Number.isFinite(item.rank)) {
      this.rankKey[slot] = item.rank;
      this.rankOrder.insert(slot);
      this.inversionsVersion++;
    }
    if (isQuartileMember(item)) this.thresholdsVersion++;
    this.values[slot] = item.valueScore ?? Number.NaN;
    this.openEfforts[slot] = open && usableEffort(item.effort) ? item.effort : Number.NaN;
    this.states[slot] = open ? OPEN | item.absoluteFlags : 0;
    this.teams[slot] = item.teamId === null ? 0 : this.teamOf(item.teamId);
    const contribution = contributionOf(item, this.contextNow);
    this.contributions[slot] = contribution;
    this.sums.apply(contribution, 1);
    for (const link of input.links) {
      let set = this.linked.get(link.keyResultId);
      if (!set) this.linked.set(link.keyResultId, (set = new Set()));
      set.add(slot);
      this.linkedVersions.set(link.keyResultId, (this.linkedVersions.get(link.keyResultId) ?? 0) + 1);
      if (open) this.openLinks.set(link.keyResultId, (this.openLinks.get(link.keyResultId) ?? 0) + 1);
    }
    this.valueOrderVersion++;
  }

  private teamOf(teamId: string): number {
    let index = this.teamIndex.get(teamId);
    if (index === undefined) this.teamIndex.set(teamId, (index = this.teamIndex.size + 1));
    return index;
  }

  private grow(slot: number): void {
    if (slot < this.valueKey.length) return;
    const size = Math.max(slot + 1, this.valueKey.length * 2);
    const widen = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T, fill = 0): T => {
      to.fill(fill as never);
      to.set(from as never);
      return to;
    };
    this.valueKey = widen(this.valueKey, new Float64Array(size));
    this.rankKey = widen(this.rankKey, new Float64Array(size));
    this.values = widen(this.values, new Float64Array(size), Number.NaN);
    this.openEfforts = widen(this.openEfforts, new Float64Array(size), Number.NaN);
    this.states = widen(this.states, new Uint8Array(size));
    this.teams = widen(this.teams, new Int32Array(size));
  }
}

function isQuartileMember(item: LeanScoredItem): boolean {
  return isOpenStatus(item.status) && item.valueScore !== null && usableEffort(item.effort);
}

/**
 * Changes that move every item's score, not just some KRs': the framework,
 * the combination, the calibration setting, or (while calibration is on) the
 * teams' track records. Records change rarely, so a full re-score is the
 * simple rule (docs/SCORING.md, "Calibrated confidence").
 */
function scoresAllItems(beforeContext: ScoringContext, afterContext: ScoringContext): boolean {
  const before = beforeContext.settings;
  const after = afterContext.settings;
  if (after.calibration.enabled && !sameTrackRecords(beforeContext.trackRecords, afterContext.trackRecords))
    return true;
  if (before === after) return false;
  return (
    before.framework !== after.framework ||
    JSON.stringify(before.customCriteria) !== JSON.stringify(after.customCriteria) ||
    JSON.stringify(before.combination) !== JSON.stringify(after.combination) ||
    JSON.stringify(before.calibration) !== JSON.stringify(after.calibration)
  );
}

/** Same teams with the same hits and judged counts. */
export function sameTrackRecords(a: ScoringContext['trackRecords'], b: ScoringContext['trackRecords']): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [team, record] of a) {
    const other = b.get(team);
    if (!other || other.hits !== record.hits || other.judged !== record.judged) return false;
  }
  return true;
}

/** Key results whose weighting, liveness or cycle differ between two contexts: their items need re-scoring. */
export function changedKeyResults(before: ScoringContext, after: ScoringContext): string[] {
  const changed: string[] = [];
  for (const [id, kr] of after.keyResults) if (!sameKeyResult(before.keyResults.get(id), kr)) changed.push(id);
  for (const id of before.keyResults.keys()) if (!after.keyResults.has(id)) changed.push(id);
  return changed;
}

function sameKeyResult(a: KeyResultContext | undefined, b: KeyResultContext): boolean {
  if (!a || a.linkStatus !== b.linkStatus) return false;
  if ((a.progress !== null && a.progress >= 1) !== (b.progress !== null && b.progress >= 1)) return false;
  const x = a.weighting;
  const y = b.weighting;
  if (x === null || y === null) return x === y;
  return (
    x.krShare === y.krShare &&
    x.objectiveShare === y.objectiveShare &&
    x.boost === y.boost &&
    x.cycleId === y.cycleId &&
    x.objectiveId === y.objectiveId &&
    x.level === y.level
  );
}
