import { CYCLE_STATUSES, type CycleStatus } from '@keyline/shared';

export const STATUS_LABEL: Record<CycleStatus, string> = { planning: 'Planning', active: 'Active', closed: 'Closed' };

/** A cycle only moves forward (planning → active → closed): the statuses its form may offer. */
export function forwardStatuses(current: CycleStatus): CycleStatus[] {
  return CYCLE_STATUSES.slice(CYCLE_STATUSES.indexOf(current));
}

/** The cycle a screen opens on when the URL names none (or one that no longer exists): the active one, else the newest. */
export function defaultCycleId(cycles: { id: string; status: CycleStatus }[], requested: string | null): string | null {
  if (requested && cycles.some((c) => c.id === requested)) return requested;
  return (cycles.find((c) => c.status === 'active') ?? cycles[0])?.id ?? null;
}
