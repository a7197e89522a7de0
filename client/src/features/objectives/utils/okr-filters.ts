import type { KeyResult } from '@keyline/shared';
import { BAND_LABEL, confidenceBand, type ConfidenceBand } from '../../key-results/utils/confidence';
import type { ObjectiveNode } from './tree';

/** Stands for "objectives with no team" / "key results with no owner" in a filter and in the URL. */
export const NONE = 'none';

/** The words the status badges on this page use; the URL says "no-check-in" rather than "none". */
export const STATUS_FILTERS = ['on-track', 'at-risk', 'off-track', 'no-check-in'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  'on-track': BAND_LABEL['on-track'],
  'at-risk': BAND_LABEL['at-risk'],
  'off-track': BAND_LABEL['off-track'],
  'no-check-in': BAND_LABEL.none,
};

/** Narrowing of the OKR tree. Team applies to objectives; owner and status to key results (owner also to objectives). */
export interface OkrFilters {
  /** A team id, NONE, or null for all teams. */
  team: string | null;
  /** A user id, NONE, or null for all owners. */
  owner: string | null;
  status: StatusFilter | null;
}

export const NO_FILTERS: OkrFilters = Object.freeze({ team: null, owner: null, status: null });

export function hasOkrFilters(filters: OkrFilters): boolean {
  return filters.team !== null || filters.owner !== null || filters.status !== null;
}

/** A KR's status as the badge beside it shows it: the confidence band, with shared STATUS_RULES cut-offs. */
export function krStatusFilter(kr: Pick<KeyResult, 'latestConfidence'>): StatusFilter {
  const band: ConfidenceBand = confidenceBand(kr.latestConfidence);
  return band === 'none' ? 'no-check-in' : band;
}

export interface VisibleObjective extends ObjectiveNode {
  /** "O2.1": numbered as in the unfiltered tree, so O2 stays O2 when O1 is filtered out. */
  label: string;
  /** Does not match; shown only so a matching objective beneath it keeps its place. */
  context: boolean;
  /** The key results that match, in order; `keyResults` keeps all of them for roll-ups. */
  visibleKeyResults: KeyResult[];
  children: VisibleObjective[];
}

const matchesId = (value: string | null, wanted: string | null) =>
  wanted === null || (wanted === NONE ? value === null : value === wanted);

function krMatches(kr: KeyResult, filters: OkrFilters): boolean {
  return matchesId(kr.ownerId, filters.owner) && (filters.status === null || krStatusFilter(kr) === filters.status);
}

/**
 * The tree narrowed by the filters. An objective shows when it matches: its
 * team passes and, if owner or status is set, one of its key results passes
 * (or, on owner alone, it owns the objective). Its non-matching key results
 * are hidden. A non-matching objective still shows, as context and with no
 * key results, when something beneath it matches, so the tree keeps its shape.
 */
export function filterObjectiveTree(tree: ObjectiveNode[], filters: OkrFilters): VisibleObjective[] {
  const krFiltered = filters.owner !== null || filters.status !== null;
  const visit = (node: ObjectiveNode, label: string): VisibleObjective | null => {
    const children = node.children.flatMap((child, i) => visit(child, `${label}.${i + 1}`) ?? []);
    const teamOk = matchesId(node.objective.teamId, filters.team);
    const krs = teamOk ? node.keyResults.filter((kr) => krMatches(kr, filters)) : [];
    const ownsIt =
      filters.owner !== null && filters.status === null && matchesId(node.objective.ownerId, filters.owner);
    const matches = teamOk && (!krFiltered || krs.length > 0 || ownsIt);
    if (!matches && children.length === 0) return null;
    return { ...node, label, context: !matches, visibleKeyResults: matches ? krs : [], children };
  };
  return tree.flatMap((node, i) => visit(node, `O${i + 1}`) ?? []);
}

/** Objectives and key results on screen, for "Showing 3 of 7 objectives". */
export function countVisible(nodes: VisibleObjective[]): { objectives: number; keyResults: number } {
  let objectives = 0;
  let keyResults = 0;
  const walk = (list: VisibleObjective[]) => {
    for (const n of list) {
      objectives += 1;
      keyResults += n.visibleKeyResults.length;
      walk(n.children);
    }
  };
  walk(nodes);
  return { objectives, keyResults };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNone = (raw: string | null) => (raw === NONE || (raw !== null && UUID.test(raw)) ? raw : null);

/** Reads the filters from the URL; anything malformed means "all". */
export function parseOkrFilters(params: URLSearchParams): OkrFilters {
  const status = params.get('status');
  return {
    team: idOrNone(params.get('team')),
    owner: idOrNone(params.get('owner')),
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as StatusFilter) : null,
  };
}

/** The URL query with these filters, keeping everything else there (the quarter) and leaving unset ones out. */
export function withOkrFilters(params: URLSearchParams, filters: OkrFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['team', 'owner', 'status'] as const) {
    const value = filters[key];
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
