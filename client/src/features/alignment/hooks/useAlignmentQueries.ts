import type { ItemFlagCode, ScoredBacklogItem } from '@keyline/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alignmentKeys } from '../../../lib/query-keys';
import { backlogItemListQuery, useBacklogItem } from '../../backlog/api/backlog-items.api';
import { useAllKeyResults } from '../../key-results/api/key-results.api';
import { alignmentApi, flaggedItemsQuery } from '../api/alignment.api';
import type { AlignmentFilters } from '../utils/url-state';

export function useAlignmentReport(filters: AlignmentFilters) {
  return useQuery({
    queryKey: alignmentKeys.report(filters),
    queryFn: ({ signal }) => alignmentApi.report(filters, signal),
    // The previous figures stay on screen while new ones load (docs/UI.md, "Interaction": stale data stays).
    placeholderData: keepPreviousData,
  });
}

/** KR titles by id: the engine's breakdown names key results only by id. */
export function useKeyResultTitles(enabled = true): ReadonlyMap<string, string> {
  const { data } = useAllKeyResults({ staleTime: 60_000, enabled });
  return useMemo(() => new Map((data ?? []).map((kr) => [kr.id, kr.title])), [data]);
}

export function useFlaggedItems(code: ItemFlagCode, teamId: string | null, enabled: boolean) {
  return useInfiniteQuery({
    ...backlogItemListQuery<ScoredBacklogItem>(flaggedItemsQuery(code, teamId)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSuggestedLinks(itemId: string) {
  return useQuery({
    queryKey: alignmentKeys.suggestions(itemId),
    queryFn: ({ signal }) => alignmentApi.suggestions(itemId, signal),
    staleTime: 60_000,
  });
}

/** One scored item (its title, its breakdown), cached under the key every screen's item detail shares. */
export function useItemForBreakdown(itemId: string | null) {
  return useBacklogItem(itemId, { staleTime: 60_000 });
}

/** Another item's title, for sentences that name it (rank inversions). */
export function useItemTitle(itemId: string | null): string | undefined {
  return useItemForBreakdown(itemId).data?.title;
}
