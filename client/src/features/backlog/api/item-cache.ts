import type { BacklogRow } from '@keyline/shared';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { backlogKeys } from './backlog.api';
import type { BacklogListData } from './types';
import { findInPages, itemMatchesView, patchItemInPages, removeItemFromPages } from '../utils/cached-pages';
import type { BacklogView } from '../utils/view';

/**
 * Reads and writes one item across every cached backlog list and its detail
 * query, so an edit shows everywhere at once without refetching a page.
 */
export function findCachedItem(qc: QueryClient, id: string): BacklogRow | undefined {
  const single = qc.getQueryData<BacklogRow>(backlogKeys.item(id));
  if (single) return single;
  for (const [, data] of qc.getQueriesData<BacklogListData>({ queryKey: backlogKeys.lists() })) {
    const found = findInPages(data, id);
    if (found) return found;
  }
  return undefined;
}

export function patchCachedItem(qc: QueryClient, id: string, update: (item: BacklogRow) => BacklogRow): void {
  qc.setQueriesData<BacklogListData>({ queryKey: backlogKeys.lists() }, (data) => patchItemInPages(data, id, update));
  qc.setQueryData<BacklogRow>(backlogKeys.item(id), (item) => (item ? update(item) : item));
}

export interface CurrentList {
  queryKey: QueryKey;
  view: BacklogView;
  liveKeyResultIds: ReadonlySet<string> | undefined;
}

/**
 * Puts the server's copy of an item in the cache. In the list on screen an
 * item that no longer matches the filters (tagged while "No KR link" is on)
 * leaves at once; other cached lists are marked stale and refetch only when
 * shown again.
 */
export function storeServerItem(qc: QueryClient, item: BacklogRow, current: CurrentList | null): void {
  patchCachedItem(qc, item.id, (cached) => ({ ...cached, ...item }));
  if (current && !itemMatchesView(item, current.view, current.liveKeyResultIds)) {
    qc.setQueryData<BacklogListData>(current.queryKey, (data) => removeItemFromPages(data, item.id));
  }
  void qc.invalidateQueries({ queryKey: backlogKeys.lists(), refetchType: 'none' });
  // A status, done date, estimate or link change moves the outcome figures (features/outcomes).
  void qc.invalidateQueries({ queryKey: ['outcomes'] });
}

export function forgetCachedItem(qc: QueryClient, id: string): void {
  qc.setQueriesData<BacklogListData>({ queryKey: backlogKeys.lists() }, (data) => removeItemFromPages(data, id));
  qc.removeQueries({ queryKey: backlogKeys.item(id) });
}

const chains = new Map<string, Promise<unknown>>();

/**
 * Runs writes to one item one after another. Each reads the item's version
 * when it starts, so two quick edits of the same row do not trip over each
 * other's If-Match (only someone else's edit can).
 */
export function serialPerItem<T>(id: string, run: () => Promise<T>): Promise<T> {
  const previous = chains.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  chains.set(id, next);
  void next
    .catch(() => undefined)
    .finally(() => {
      if (chains.get(id) === next) chains.delete(id);
    });
  return next;
}
