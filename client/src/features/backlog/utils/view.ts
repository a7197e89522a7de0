import {
  BACKLOG_SORT_FIELDS,
  ITEM_FLAG_CODES,
  ITEM_STATUSES,
  ITEM_TYPES,
  type ItemFlagCode,
  type ItemStatus,
  type ItemType,
} from '@keyline/shared';

/**
 * What the backlog screen shows, held entirely in the URL query so a reload,
 * a shared link or the back button all land on the same view.
 */
export interface BacklogView {
  status: ItemStatus[];
  type: ItemType[];
  /** Only items carrying any of these scoring flags. */
  flag: ItemFlagCode[];
  teamId: string | null;
  keyResultId: string | null;
  objectiveId: string | null;
  /** Only items with no KR link. */
  unlinked: boolean;
  q: string;
  sort: string;
  order: 'asc' | 'desc';
  /** Show the WSJF and ICE estimate columns as well as RICE. */
  wide: boolean;
}

export const DEFAULT_VIEW: BacklogView = {
  status: [],
  type: [],
  flag: [],
  teamId: null,
  keyResultId: null,
  objectiveId: null,
  unlinked: false,
  q: '',
  sort: 'rank',
  order: 'asc',
  wide: false,
};

/**
 * Sorts the server accepts. Read from the shared schema at runtime, so a new
 * sort such as `valueScore` lights up here the day the server takes it.
 */
export function isSortable(field: string): boolean {
  return (BACKLOG_SORT_FIELDS as readonly string[]).includes(field);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: string | null) => (value && UUID.test(value) ? value : null);

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = raw.split(',').map((s) => s.trim());
  // Keep the canonical order so two URLs naming the same set read the same.
  return allowed.filter((value) => wanted.includes(value));
}

/** Reads a view from the URL; anything unknown or malformed falls back to the default. */
export function parseView(params: URLSearchParams): BacklogView {
  const sort = params.get('sort') ?? DEFAULT_VIEW.sort;
  return {
    status: listOf(params.get('status'), ITEM_STATUSES),
    type: listOf(params.get('type'), ITEM_TYPES),
    flag: listOf(params.get('flag'), ITEM_FLAG_CODES),
    teamId: id(params.get('team')),
    keyResultId: id(params.get('kr')),
    objectiveId: id(params.get('objective')),
    unlinked: params.get('unlinked') === 'true',
    q: (params.get('q') ?? '').slice(0, 200),
    sort: isSortable(sort) ? sort : DEFAULT_VIEW.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    wide: params.get('cols') === 'all',
  };
}

/** The URL query for a view, leaving out defaults so plain /backlog stays plain. */
export function viewToParams(view: BacklogView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.type.length) params.set('type', view.type.join(','));
  if (view.flag.length) params.set('flag', view.flag.join(','));
  if (view.teamId) params.set('team', view.teamId);
  if (view.keyResultId) params.set('kr', view.keyResultId);
  if (view.objectiveId) params.set('objective', view.objectiveId);
  if (view.unlinked) params.set('unlinked', 'true');
  if (view.q.trim()) params.set('q', view.q);
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (view.order !== DEFAULT_VIEW.order) params.set('order', view.order);
  if (view.wide) params.set('cols', 'all');
  return params;
}

/** The API query string (without cursor) for a view: the server filters, sorts and pages. */
export function viewToApiQuery(view: BacklogView, limit: number): string {
  const params = new URLSearchParams();
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.type.length) params.set('type', view.type.join(','));
  if (view.flag.length) params.set('flag', view.flag.join(','));
  if (view.teamId) params.set('teamId', view.teamId);
  if (view.keyResultId) params.set('keyResultId', view.keyResultId);
  if (view.objectiveId) params.set('objectiveId', view.objectiveId);
  if (view.unlinked) params.set('unlinked', 'true');
  if (view.q.trim()) params.set('q', view.q.trim());
  params.set('sort', view.sort);
  params.set('order', view.order);
  params.set('limit', String(limit));
  return params.toString();
}

export function hasFilters(view: BacklogView): boolean {
  return Boolean(
    view.status.length ||
    view.type.length ||
    view.flag.length ||
    view.teamId ||
    view.keyResultId ||
    view.objectiveId ||
    view.unlinked ||
    view.q.trim(),
  );
}

export function clearFilters(view: BacklogView): BacklogView {
  return { ...DEFAULT_VIEW, sort: view.sort, order: view.order, wide: view.wide };
}

/**
 * Moving an item "before its neighbour" only means what the user sees when
 * the list is the whole backlog in rank order.
 */
export function canRerank(view: BacklogView): boolean {
  return view.sort === 'rank' && view.order === 'asc' && !hasFilters(view);
}

/** Columns whose first click shows the highest first: "what is worth most?" */
const DESCENDING_FIRST = new Set(['valueScore']);

/** Clicking a column header: a new column sorts ascending (value: highest first), the same one flips. */
export function toggleSort(view: BacklogView, field: string): BacklogView {
  if (!isSortable(field)) return view;
  if (view.sort === field) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: field, order: DESCENDING_FIRST.has(field) ? 'desc' : 'asc' };
}
