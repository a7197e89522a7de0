import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { backlogItemListQuery } from '../api/backlog-items.api';
import type { BacklogListData } from '../api/types';
import { flattenPages } from '../utils/cached-pages';
import { viewToApiQuery, type BacklogView } from '../utils/view';

/** Rows per request: big enough that fast scrolling rarely waits, small enough to answer in milliseconds. */
export const PAGE_SIZE = 200;

/**
 * The backlog list as the server filters, sorts and pages it. Pages come in
 * sequentially as the user scrolls (the cursor is opaque); the previous view
 * stays on screen while a new filter loads.
 */
export function useBacklogList(view: BacklogView) {
  const query = viewToApiQuery(view, PAGE_SIZE);
  const options = backlogItemListQuery(query);
  const queryKey = options.queryKey;
  const result = useInfiniteQuery({
    ...options,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const rows = useMemo(() => flattenPages(result.data as BacklogListData | undefined), [result.data]);
  const total = result.data?.pages[0]?.total ?? 0;
  return { ...result, rows, total, queryKey };
}
