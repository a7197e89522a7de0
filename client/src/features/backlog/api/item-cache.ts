import type { BacklogRow } from '@keyline/shared';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { backlogItemKeys } from '../../../lib/query-keys';
import type { BacklogListData, BacklogPage } from './types';
import {
  findInPages,
  itemMatchesView,
  patchItemInPage,
  patchItemInPages,
  removeItemFromPage,
  removeItemFromPages,
} from '../utils/cached-pages';
import type { BacklogView } from '../utils/view';

/**
 * Reads and writes one item across every cached view of backlog items (the
 * paged lists, the single pages, the detail), so an edit shows everywhere at
 * once without refetching a page.
 */
export function findCachedItem(qc: QueryClient, id: string): BacklogRow | undefined {
  const single = qc.getQueryData<BacklogRow>(backlogItemKeys.detail(id));
  if (single) return single;
  for (const [, data] of qc.getQueriesData<BacklogListData>({ queryKey: backlogItemKeys.lists() })) {
    const found = findInPages(data, id);
    if (found) return found;
  }
  for (const [, page] of qc.getQueriesData<BacklogPage>({ queryKey: backlogItemKeys.pages() })) {
    const found = page?.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

export function patchCachedItem(qc: QueryClient, id: string, update: (item: BacklogRow) => BacklogRow): void {
  qc.setQueriesData<BacklogListData>({ queryKey: backlogItemKeys.lists() }, (data) =>
    patchItemInPages(data, id, update),
  );
  qc.setQueriesData<BacklogPage>({ queryKey: backlogItemKeys.pages() }, (page) => patchItemInPage(page, id, update));
  qc.setQueryData<BacklogRow>(backlogItemKeys.detail(id), (item) => (item ? update(item) : item));
}

/** Puts the server's copy of an item in every cached view. */
export function storeServerItem(qc: QueryClient, item: BacklogRow): void {
  patchCachedItem(qc, item.id, (cached) => ({ ...cached, ...item }));
}

export interface CurrentList {
  queryKey: QueryKey;
  view: BacklogView;
  liveKeyResultIds: ReadonlySet<string> | undefined;
}

/**
 * In the list on screen, an item that no longer matches the filters (tagged
 * while "No KR link" is on) leaves at once; other views refetch when shown.
 */
export function dropIfFilteredOut(qc: QueryClient, item: BacklogRow, current: CurrentList | null): void {
  if (current && !itemMatchesView(item, current.view, current.liveKeyResultIds)) {
    qc.setQueryData<BacklogListData>(current.queryKey, (data) => removeItemFromPages(data, item.id));
  }
}

export function forgetCachedItem(qc: QueryClient, id: string): void {
  qc.setQueriesData<BacklogListData>({ queryKey: backlogItemKeys.lists() }, (data) => removeItemFromPages(data, id));
  qc.setQueriesData<BacklogPage>({ queryKey: backlogItemKeys.pages() }, (page) => removeItemFromPage(page, id));
  qc.removeQueries({ queryKey: backlogItemKeys.detail(id) });
}
