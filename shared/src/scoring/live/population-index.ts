// The two population-relative flags over a backlog kept in typed arrays:
// the low-value quartiles by selection and rank inversions by one pass over
// the rank order (kept sorted as items change) with a suffix maximum. Both
// linear, over numbers only. Same definitions as population.ts; the live
// backlog's tests compare them with it.
import type { ScoringSettings } from '../settings';
import { lowValueThresholdsOf, type LowValueThresholds, type RankInversion } from '../population';

/** Per-slot columns the index reads; NaN marks "none". */
export interface PopulationColumns {
  /** Value score (NaN: not scorable or no item). */
  readonly values: Float64Array;
  /** Usable effort of an open item (NaN otherwise). */
  readonly openEfforts: Float64Array;
  readonly ranks: Float64Array;
  /** Slots of open items with a finite rank, by (rank, id). */
  rankOrder(): Int32Array;
  idOf(slot: number): string;
  readonly capacity: number;
}

export class PopulationIndex {
  private thresholdsAt = -1;
  private thresholds: LowValueThresholds | null = null;
  private inversionsAt = -1;
  /** Per slot: the more valuable slot ranked below it, or −1. */
  private inversionOther = new Int32Array(0);
  private inversionPositions = new Int32Array(0);
  private positions = new Int32Array(0);
  private bestBelow = new Int32Array(0);

  constructor(private readonly columns: PopulationColumns) {}

  lowValueThresholds(version: number, settings: ScoringSettings): LowValueThresholds | null {
    if (this.thresholdsAt !== version) {
      const { values, openEfforts, capacity } = this.columns;
      let members = 0;
      for (let slot = 0; slot < capacity; slot++) {
        if (openEfforts[slot] === openEfforts[slot] && values[slot] === values[slot]) members++;
      }
      const efforts = new Float64Array(members);
      const perEffort = new Float64Array(members);
      let n = 0;
      for (let slot = 0; slot < capacity; slot++) {
        const effort = openEfforts[slot] as number;
        const value = values[slot] as number;
        if (effort === effort && value === value) {
          efforts[n] = effort;
          perEffort[n++] = value / effort;
        }
      }
      this.thresholds = lowValueThresholdsOf(efforts, perEffort, settings);
      this.thresholdsAt = version;
    }
    return this.thresholds;
  }

  inversionOf(slot: number, version: number, settings: ScoringSettings): RankInversion | null {
    this.refreshInversions(version, settings);
    const other = this.inversionOther[slot] ?? -1;
    if (other < 0) return null;
    const { values, idOf } = this.columns;
    return {
      itemId: idOf(slot),
      moreValuableItemId: idOf(other),
      positions: this.inversionPositions[slot] as number,
      valueScore: values[slot] as number,
      moreValuableScore: values[other] as number,
    };
  }

  isInverted(slot: number, version: number, settings: ScoringSettings): boolean {
    this.refreshInversions(version, settings);
    return (this.inversionOther[slot] ?? -1) >= 0;
  }

  /** findRankInversions over the rank order: competition positions, suffix maximum, two pointers. */
  private refreshInversions(version: number, settings: ScoringSettings): void {
    if (this.inversionsAt === version) return;
    const { values, ranks, capacity } = this.columns;
    const { rankInversionMinPositions: minPositions, rankInversionValueFactor: factor } = settings.itemFlags;
    if (this.inversionOther.length < capacity) {
      this.inversionOther = new Int32Array(capacity * 2);
      this.inversionPositions = new Int32Array(capacity * 2);
    }
    const other = this.inversionOther;
    other.fill(-1);
    const ranked = this.columns.rankOrder();
    const n = ranked.length;
    if (this.positions.length < n + 1) {
      this.positions = new Int32Array((n + 1) * 2);
      this.bestBelow = new Int32Array((n + 1) * 2);
    }
    const positions = this.positions;
    const bestBelow = this.bestBelow;
    positions[0] = 0;
    for (let i = 1; i < n; i++) {
      positions[i] = ranks[ranked[i] as number] === ranks[ranked[i - 1] as number] ? (positions[i - 1] as number) : i;
    }
    // bestBelow[i]: the index of the highest value among ranked[i..], the earliest on a tie; −1 if none.
    bestBelow[n] = -1;
    for (let i = n - 1; i >= 0; i--) {
      const next = bestBelow[i + 1] as number;
      const value = values[ranked[i] as number] as number;
      bestBelow[i] = value === value && (next < 0 || value >= (values[ranked[next] as number] as number)) ? i : next;
    }
    let from = 0;
    for (let i = 0; i < n; i++) {
      const target = (positions[i] as number) + minPositions;
      while (from < n && (positions[from] as number) < target) from++;
      if (from >= n) break;
      const slot = ranked[i] as number;
      const value = values[slot] as number;
      const best = bestBelow[from] as number;
      if (value !== value || best < 0) continue;
      const otherSlot = ranked[best] as number;
      const otherValue = values[otherSlot] as number;
      if (otherValue > value && otherValue >= factor * value) {
        other[slot] = otherSlot;
        this.inversionPositions[slot] = (positions[best] as number) - (positions[i] as number);
      }
    }
    this.inversionsAt = version;
  }
}
