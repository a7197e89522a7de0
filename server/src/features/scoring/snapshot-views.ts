import { isOpenStatus } from '@keyline/shared';
import type { ScoringSnapshot } from './scoring-snapshot';

/**
 * Whole-backlog figures derived from one scoring snapshot, computed once per
 * snapshot and shared by every reader: under load the same snapshot serves
 * many requests, and each of these would otherwise walk 10,000+ items (or
 * join as many links in SQL) per request.
 */
function memoized<T>(compute: (snapshot: ScoringSnapshot) => T): (snapshot: ScoringSnapshot) => T {
  const cache = new WeakMap<ScoringSnapshot, T>();
  return (snapshot) => {
    let value = cache.get(snapshot);
    if (value === undefined) cache.set(snapshot, (value = compute(snapshot)));
    return value;
  };
}

const descending = memoized((s) => s.result.items.map((i) => i.id));

/** Ascending value puts the lowest scores first, but items without a score still last. */
const ascending = memoized((s) => {
  const ids = descending(s);
  const firstUnscored = s.result.items.findIndex((i) => i.valueScore === null);
  const scored = firstUnscored === -1 ? ids : ids.slice(0, firstUnscored);
  return [...scored].reverse().concat(firstUnscored === -1 ? [] : ids.slice(firstUnscored));
});

/** Every item id in value order (highest first, unscorable last), or the reverse with unscorable still last. Read-only. */
export function idsInValueOrder(snapshot: ScoringSnapshot, order: 'asc' | 'desc'): readonly string[] {
  return order === 'asc' ? ascending(snapshot) : descending(snapshot);
}

export interface LinkedItemState {
  status: string;
  /** When a done item became done; null otherwise. */
  doneAt: string | null;
}

/** Per key result, the status of every item linked to it (the dashboard's "output without outcome"). */
export const linkedItemsByKeyResult = memoized((s): ReadonlyMap<string, readonly LinkedItemState[]> => {
  const byKr = new Map<string, LinkedItemState[]>();
  for (const item of s.result.items) {
    const state = { status: item.status, doneAt: s.doneAt.get(item.id) ?? null };
    for (const link of item.links) {
      const list = byKr.get(link.keyResultId);
      if (list) list.push(state);
      else byKr.set(link.keyResultId, [state]);
    }
  }
  return byKr;
});

/** Per key result, how many open items (idea, ready, in progress) are linked to it. */
export const openItemCounts = memoized((s): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  for (const item of s.result.items) {
    if (!isOpenStatus(item.status)) continue;
    for (const link of item.links) counts.set(link.keyResultId, (counts.get(link.keyResultId) ?? 0) + 1);
  }
  return counts;
});
