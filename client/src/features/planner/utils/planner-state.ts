import { PlannerQuerySchema, type Plan, type PlannerResult } from '@keyline/shared';
import { formatNumber, formatPercent } from '../../../lib/format';

/** A team's quarter, in effort points, when the URL names none. */
export const DEFAULT_CAPACITY = 40;

export type CapacityInput = { ok: true; capacity: number } | { ok: false; message: string };

/** The capacity field's text, judged by the same schema the server uses. */
export function parseCapacity(text: string): CapacityInput {
  if (text.trim() === '') return { ok: false, message: 'Enter the capacity in effort points' };
  const result = PlannerQuerySchema.shape.capacity.safeParse(text.trim());
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'Must be a number' };
  return { ok: true, capacity: result.data };
}

/** Items the PM forced in or kept out, by hand. An item is in at most one of the two. */
export interface Overrides {
  include: string[];
  exclude: string[];
}

export const NO_OVERRIDES: Overrides = { include: [], exclude: [] };

/** Forces an item into both plans (or takes it back out of the forced list). */
export function toggleInclude(o: Overrides, id: string): Overrides {
  if (o.include.includes(id)) return { ...o, include: o.include.filter((x) => x !== id) };
  return { include: [...o.include, id], exclude: o.exclude.filter((x) => x !== id) };
}

/** Keeps an item out of both plans (or lets it back in). */
export function toggleExclude(o: Overrides, id: string): Overrides {
  if (o.exclude.includes(id)) return { ...o, exclude: o.exclude.filter((x) => x !== id) };
  return { exclude: [...o.exclude, id], include: o.include.filter((x) => x !== id) };
}

/** The GET /api/planner query string: nothing is written by asking. */
export function plannerPath(p: {
  cycleId: string | null;
  teamId: string | null;
  capacity: number;
  overrides: Overrides;
}): string {
  const search = new URLSearchParams();
  if (p.cycleId) search.set('cycleId', p.cycleId);
  if (p.teamId) search.set('teamId', p.teamId);
  search.set('capacity', String(p.capacity));
  if (p.overrides.include.length) search.set('include', p.overrides.include.join(','));
  if (p.overrides.exclude.length) search.set('exclude', p.overrides.exclude.join(','));
  return `/api/planner?${search.toString()}`;
}

/** "38 of 40 pts used · 2 left" (or "over by 3" when forced items overflow). */
export function capacityLine(plan: Pick<Plan, 'usedEffort' | 'capacity' | 'remainingCapacity'>): string {
  const used = `${formatNumber(plan.usedEffort)} of ${formatNumber(plan.capacity)} pts used`;
  if (plan.remainingCapacity < 0) return `${used} · over by ${formatNumber(-plan.remainingCapacity)}`;
  return `${used} · ${formatNumber(plan.remainingCapacity)} left`;
}

/** The headline comparison of the two plans, so the difference is read, not hunted for. */
export function compareSentence(result: Pick<PlannerResult, 'byValue' | 'byRank'>): string {
  const covered = (p: Plan) => p.coveredKeyResults.length;
  const total = covered(result.byValue) + result.byValue.uncoveredKeyResults.length;
  const v = result.byValue;
  const r = result.byRank;
  const misaligned = (p: Plan) =>
    p.misalignedEffortShare === null ? 'nothing planned' : `${formatPercent(p.misalignedEffortShare)} misaligned`;
  const items = (p: Plan) => (p.items.length === 1 ? '1 item covers' : `${p.items.length} items cover`);
  return (
    `By value: ${items(v)} ${covered(v)} of ${total} key results, ${misaligned(v)}. ` +
    `By current rank: ${items(r)} ${covered(r)} of ${total}, ${misaligned(r)}.`
  );
}
