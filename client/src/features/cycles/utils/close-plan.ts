import { quarterName, type Cycle, type KeyResult } from '@keyline/shared';
import type { ObjectiveNode } from '../../objectives/utils/tree';

/** The tree in reading order (each objective, then the team objectives under it). */
export function flattenTree(nodes: ObjectiveNode[]): ObjectiveNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The quarter after this cycle, as the "create it" suggestion: from the day
 * after it ends to the end of that calendar quarter, named like `2027-Q1`.
 */
export function nextQuarter(cycle: Pick<Cycle, 'endsOn'>): { name: string; startsOn: string; endsOn: string } {
  const start = new Date(Date.parse(`${cycle.endsOn}T00:00:00Z`) + DAY_MS);
  const q = Math.floor(start.getUTCMonth() / 3);
  const end = Date.UTC(start.getUTCFullYear(), q * 3 + 3, 0);
  return { name: quarterName(start), startsOn: isoDay(start.getTime()), endsOn: isoDay(end) };
}

/** Cycles the close may carry into: any other cycle still in planning (or active, when closing a planning one). */
export function carryTargets(cycles: Cycle[], closing: Pick<Cycle, 'id'>): Cycle[] {
  return cycles.filter((c) => c.id !== closing.id && c.status !== 'closed');
}

/** Unfinished KRs (progress below 1) that were not carried already: what step 2 offers, all ticked by default. */
export function carryCandidates(keyResults: KeyResult[]): KeyResult[] {
  return keyResults.filter((kr) => kr.progress < 1 && kr.carriedToId === null);
}

/** How many open backlog links move with the chosen KRs. */
export function movedLinks(keyResults: KeyResult[], chosen: ReadonlySet<string>): number {
  return keyResults.filter((kr) => chosen.has(kr.id)).reduce((sum, kr) => sum + kr.openItemCount, 0);
}

export type NextChoice =
  | { kind: 'existing'; cycleId: string }
  | { kind: 'new'; name: string; startsOn: string; endsOn: string }
  | { kind: 'none' };

/** The POST /api/cycles/:id/close body for the wizard's choices. */
export function closeBody(next: NextChoice, carry: string[]) {
  if (next.kind === 'none') return { carryOverKeyResultIds: [] };
  const carryOverKeyResultIds = [...carry];
  if (next.kind === 'existing') return { nextCycleId: next.cycleId, carryOverKeyResultIds };
  return { nextCycle: { name: next.name.trim(), startsOn: next.startsOn, endsOn: next.endsOn }, carryOverKeyResultIds };
}
