import {
  MutationObserver,
  useQuery,
  type MutationOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type {
  BacklogRow,
  CreateBacklogItemInput,
  MoveBacklogItemInput,
  Page,
  ScoredBacklogItem,
  UpdateBacklogItemInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { backlogItemKeys, invalidateItemViews } from '../../../lib/query-keys';
import { findCachedItem, patchCachedItem, storeServerItem } from './item-cache';
import type { BacklogListData, BacklogPage } from './types';
import { moveItemInPages } from '../utils/cached-pages';

const itemPath = (id: string) => `/api/backlog-items/${encodeURIComponent(id)}`;

/** The only wrappers of /api/backlog-items: every screen that lists, reads or writes items goes through these. */
export const backlogItemsApi = {
  /**
   * `query`: filters, sort and page size as the API takes them; `cursor` the
   * page after the previous one. Rows are `ScoredBacklogItem`s when the query
   * has `include=breakdown`.
   */
  list: <Row extends BacklogRow = BacklogRow>(query: string, cursor: string | null, signal?: AbortSignal) =>
    apiGet<Page<Row>>(`/api/backlog-items?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal),
  get: (id: string, signal?: AbortSignal) => apiGet<ScoredBacklogItem>(itemPath(id), signal),
  create: (input: CreateBacklogItemInput) => api<ScoredBacklogItem>('POST', '/api/backlog-items', { body: input }),
  update: (id: string, version: number, patch: UpdateBacklogItemInput) =>
    api<ScoredBacklogItem>('PATCH', itemPath(id), { body: patch, version }),
  remove: (id: string, version: number) => api<void>('DELETE', itemPath(id), { version }),
  move: (id: string, version: number, move: MoveBacklogItemInput) =>
    api<ScoredBacklogItem>('POST', `${itemPath(id)}/move`, { body: move, version }),
  setLink: (id: string, keyResultId: string, strength: number) =>
    api<ScoredBacklogItem>('PUT', `${itemPath(id)}/links/${encodeURIComponent(keyResultId)}`, { body: { strength } }),
  removeLink: (id: string, keyResultId: string) =>
    api<void>('DELETE', `${itemPath(id)}/links/${encodeURIComponent(keyResultId)}`),
};

/** One item, under the key every screen's detail view shares. */
export const useBacklogItem = (id: string | null, options: { staleTime?: number } = {}) =>
  useQuery({
    queryKey: backlogItemKeys.detail(id ?? 'none'),
    queryFn: ({ signal }) => backlogItemsApi.get(id as string, signal),
    enabled: id !== null,
    ...options,
  });

/** One page of items for a query (no cursor): the KR page's linked items, counts, samples. */
export const backlogItemPageQuery = (query: string) => ({
  queryKey: backlogItemKeys.page(query),
  queryFn: ({ signal }: { signal: AbortSignal }) => backlogItemsApi.list(query, null, signal),
});

export const useBacklogItemPage = <T = BacklogPage>(
  query: string,
  options: { select?: (page: BacklogPage) => T; staleTime?: number; enabled?: boolean } = {},
) => useQuery<BacklogPage, Error, T>({ ...backlogItemPageQuery(query), ...options });

/** Pages of items for a query, fetched as the list scrolls (the backlog table, the flagged lists). */
export const backlogItemListQuery = <Row extends BacklogRow = BacklogRow>(query: string) => ({
  queryKey: backlogItemKeys.list(query),
  queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
    backlogItemsApi.list<Row>(query, pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last: Page<Row>) => last.nextCursor,
});

/** The items tagged to a key result (the KR page): up to 100, with the total. */
export const useLinkedItems = (keyResultId: string) =>
  useBacklogItemPage(`keyResultId=${encodeURIComponent(keyResultId)}&limit=100`);

// ---------------------------------------------------------------------------
// Writes to one item. Each runs in the item's mutation scope, so TanStack
// Query starts it only when the item's previous write has settled; each reads
// the item's version from the cache when it starts, so two quick edits of one
// row send the version the first one returned and do not 412 each other
// (only someone else's edit can). Every write applies itself to every cached
// view at once (`onMutate`), rolls back on failure, puts the server's copy in
// the cache, and marks every view of backlog items and every scored view
// stale (`onSettled`).
// ---------------------------------------------------------------------------

export const itemScope = (id: string) => ({ id: `backlog-item-${id}` });

/** The version to send as If-Match: the newest the cache holds, else the one the caller saw. */
const versionOf = (qc: QueryClient, id: string, fallback: number) => findCachedItem(qc, id)?.version ?? fallback;

/** An in-flight refetch must not land on top of the optimistic copy; queries still loading are left alone. */
const cancelItemQueries = (qc: QueryClient) =>
  qc.cancelQueries({ queryKey: backlogItemKeys.all, predicate: (query) => query.state.data !== undefined });

export interface UpdateItemVariables {
  patch: UpdateBacklogItemInput;
  /** The version the caller saw: used only when the item is in no cache. */
  version: number;
}
export interface UpdateItemContext {
  /** The edited fields as they were, put back if the server refuses. */
  previous: Partial<BacklogRow>;
}

export function updateItemMutation(
  qc: QueryClient,
  id: string,
): MutationOptions<ScoredBacklogItem, Error, UpdateItemVariables, UpdateItemContext> {
  return {
    scope: itemScope(id),
    mutationFn: ({ patch, version }) => backlogItemsApi.update(id, versionOf(qc, id, version), patch),
    onMutate: async ({ patch }) => {
      await cancelItemQueries(qc);
      const before = findCachedItem(qc, id);
      const previous = Object.fromEntries(
        Object.keys(patch).map((key) => [key, before?.[key as keyof BacklogRow]]),
      ) as Partial<BacklogRow>;
      patchCachedItem(qc, id, (item) => ({ ...item, ...patch }) as BacklogRow);
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context) patchCachedItem(qc, id, (item) => ({ ...item, ...context.previous }));
    },
    onSuccess: (saved) => storeServerItem(qc, saved),
    onSettled: () => invalidateItemViews(qc),
  };
}

export interface MoveItemVariables {
  move: MoveBacklogItemInput;
  version: number;
  /** The list on screen and where the item lands in it; `null`: the order is the server's to show. */
  list: { queryKey: QueryKey; toIndex: number } | null;
}
export interface MoveItemContext {
  fromIndex: number;
}

export function moveItemMutation(
  qc: QueryClient,
  id: string,
): MutationOptions<ScoredBacklogItem, Error, MoveItemVariables, MoveItemContext> {
  return {
    scope: itemScope(id),
    mutationFn: ({ move, version }) => backlogItemsApi.move(id, versionOf(qc, id, version), move),
    onMutate: async ({ list }) => {
      if (!list) return { fromIndex: -1 };
      await cancelItemQueries(qc);
      const data = qc.getQueryData<BacklogListData>(list.queryKey);
      const fromIndex = (data?.pages ?? []).flatMap((page) => page.items).findIndex((item) => item.id === id);
      qc.setQueryData<BacklogListData>(list.queryKey, (pages) => moveItemInPages(pages, id, list.toIndex));
      return { fromIndex };
    },
    onError: (_error, { list }, context) => {
      if (list && context && context.fromIndex >= 0)
        qc.setQueryData<BacklogListData>(list.queryKey, (pages) => moveItemInPages(pages, id, context.fromIndex));
    },
    onSuccess: (saved) => storeServerItem(qc, saved),
    onSettled: () => invalidateItemViews(qc),
  };
}

export interface SetLinkVariables {
  keyResultId: string;
  strength: number;
}

export function setLinkMutation(
  qc: QueryClient,
  id: string,
): MutationOptions<ScoredBacklogItem, Error, SetLinkVariables> {
  return {
    scope: itemScope(id),
    mutationFn: ({ keyResultId, strength }) => backlogItemsApi.setLink(id, keyResultId, strength),
    onSuccess: (saved) => storeServerItem(qc, saved),
    onSettled: () => invalidateItemViews(qc),
  };
}

export interface RemoveLinkContext {
  link: BacklogRow['links'][number] | undefined;
}

export function removeLinkMutation(
  qc: QueryClient,
  id: string,
): MutationOptions<void, Error, { keyResultId: string }, RemoveLinkContext> {
  return {
    scope: itemScope(id),
    mutationFn: ({ keyResultId }) => backlogItemsApi.removeLink(id, keyResultId),
    onMutate: async ({ keyResultId }) => {
      await cancelItemQueries(qc);
      const link = findCachedItem(qc, id)?.links.find((l) => l.keyResultId === keyResultId);
      patchCachedItem(qc, id, (item) => ({ ...item, links: item.links.filter((l) => l.keyResultId !== keyResultId) }));
      return { link };
    },
    onError: (_error, _variables, context) => {
      const link = context?.link;
      if (link) patchCachedItem(qc, id, (item) => ({ ...item, links: [...item.links, link] }));
    },
    onSettled: () => invalidateItemViews(qc),
  };
}

export function removeItemMutation(qc: QueryClient, id: string): MutationOptions<void, Error, { version: number }> {
  return {
    scope: itemScope(id),
    mutationFn: ({ version }) => backlogItemsApi.remove(id, versionOf(qc, id, version)),
    onSettled: () => invalidateItemViews(qc),
  };
}

export function createItemMutation(qc: QueryClient): MutationOptions<ScoredBacklogItem, Error, CreateBacklogItemInput> {
  return {
    mutationFn: (input) => backlogItemsApi.create(input),
    onSettled: () => invalidateItemViews(qc),
  };
}

/**
 * Runs one of the writes above. `useMutation` fixes its options, scope
 * included, when the component renders, but a write's scope is the item it
 * writes, known only when it is made: so each write gets its own
 * `MutationObserver` (what `useMutation` wraps), and lives in the query
 * client's mutation cache like any other mutation.
 */
export function runMutation<TData, TVariables, TContext>(
  qc: QueryClient,
  options: MutationOptions<TData, Error, TVariables, TContext>,
  variables: TVariables,
): Promise<TData> {
  return new MutationObserver<TData, Error, TVariables, TContext>(qc, options).mutate(variables);
}
