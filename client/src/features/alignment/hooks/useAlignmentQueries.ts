import type { ItemFlagCode } from '@keyline/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alignmentApi, alignmentKeys } from '../api/alignment.api';
import type { AlignmentFilters } from '../utils/url-state';

export function useAlignmentReport(filters: AlignmentFilters) {
  return useQuery({
    queryKey: alignmentKeys.report(filters),
    queryFn: ({ signal }) => alignmentApi.report(filters, signal),
    // The previous figures stay on screen while new ones load (docs/UI.md, "Interaction": stale data stays).
    placeholderData: keepPreviousData,
  });
}

export function useCycles() {
  return useQuery({
    queryKey: alignmentKeys.cycles,
    queryFn: ({ signal }) => alignmentApi.cycles(signal),
    staleTime: 60_000,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: alignmentKeys.teams,
    queryFn: ({ signal }) => alignmentApi.teams(signal),
    staleTime: 60_000,
  });
}

/** KR titles by id: the engine's breakdown names key results only by id. */
export function useKeyResultTitles(enabled = true): ReadonlyMap<string, string> {
  const { data } = useQuery({
    queryKey: alignmentKeys.keyResults,
    queryFn: ({ signal }) => alignmentApi.keyResults(signal),
    staleTime: 60_000,
    enabled,
  });
  return useMemo(() => new Map((data ?? []).map((kr) => [kr.id, kr.title])), [data]);
}

export function useFlaggedItems(code: ItemFlagCode, teamId: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: alignmentKeys.flagged(code, teamId),
    queryFn: ({ pageParam, signal }) => alignmentApi.flagged(code, teamId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
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

/** One scored item (its title, its breakdown), cached under the backlog's item key. */
export function useItemForBreakdown(itemId: string | null) {
  return useQuery({
    queryKey: alignmentKeys.item(itemId ?? 'none'),
    queryFn: ({ signal }) => alignmentApi.item(itemId as string, signal),
    enabled: itemId !== null,
    staleTime: 60_000,
  });
}

/** Another item's title, for sentences that name it (rank inversions). */
export function useItemTitle(itemId: string | null): string | undefined {
  return useItemForBreakdown(itemId).data?.title;
}
