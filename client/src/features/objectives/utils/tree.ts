import type { KeyResult, Objective } from '@keyline/shared';

export interface ObjectiveNode {
  objective: Objective;
  keyResults: KeyResult[];
  /** Team objectives that ladder up to this one. */
  children: ObjectiveNode[];
  /** 0 for a company (top-level) objective. */
  depth: number;
}

/**
 * The alignment tree of a cycle from each objective's parentId. An objective
 * whose parent is not in the list (deleted, or another cycle) becomes a root
 * rather than vanishing; a parent loop in bad data is broken, never followed
 * forever. Order within a level follows the input (the API sorts by creation).
 */
export function buildObjectiveTree(objectives: Objective[], keyResults: KeyResult[]): ObjectiveNode[] {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const krsOf = new Map<string, KeyResult[]>();
  for (const kr of keyResults) {
    const list = krsOf.get(kr.objectiveId) ?? [];
    list.push(kr);
    krsOf.set(kr.objectiveId, list);
  }
  const childrenOf = new Map<string | null, Objective[]>();
  for (const o of objectives) {
    const parent = o.parentId && byId.has(o.parentId) && !reachesItself(o, byId) ? o.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(o);
    childrenOf.set(parent, list);
  }
  const build = (o: Objective, depth: number): ObjectiveNode => ({
    objective: o,
    keyResults: krsOf.get(o.id) ?? [],
    children: (childrenOf.get(o.id) ?? []).map((c) => build(c, depth + 1)),
    depth,
  });
  return (childrenOf.get(null) ?? []).map((o) => build(o, 0));
}

function reachesItself(o: Objective, byId: Map<string, Objective>): boolean {
  const seen = new Set<string>();
  let cursor = o.parentId;
  while (cursor) {
    if (cursor === o.id) return true;
    // A loop above us that does not include us: our parent becomes a root, we stay under it.
    if (seen.has(cursor)) return false;
    seen.add(cursor);
    cursor = byId.get(cursor)?.parentId ?? null;
  }
  return false;
}

/** The ids of an objective and everything beneath it: none of them can become its parent. */
export function descendantIds(objectives: Pick<Objective, 'id' | 'parentId'>[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of objectives) {
      if (o.parentId && result.has(o.parentId) && !result.has(o.id)) {
        result.add(o.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Depth-first list of the tree, for counting and for flat pickers ("— Growth: onboarding"). */
export function flattenTree(nodes: ObjectiveNode[]): ObjectiveNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}
