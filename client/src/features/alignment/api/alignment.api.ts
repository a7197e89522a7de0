import type { AlignmentReport, ItemFlagCode, SuggestedLink } from '@keyline/shared';
import { apiGet } from '../../../lib/api';
import { filtersToApiQuery, type AlignmentFilters } from '../utils/url-state';

export const FLAGGED_PAGE_SIZE = 25;

/**
 * GET /api/alignment and suggested links. The page's backlog items (flagged
 * lists, counts, single items) and its cycles, teams and key results are
 * read through those resources' own api modules.
 */
export const alignmentApi = {
  report: (filters: AlignmentFilters, signal?: AbortSignal) => {
    const query = filtersToApiQuery(filters);
    return apiGet<AlignmentReport>(`/api/alignment${query ? `?${query}` : ''}`, signal);
  },
  suggestions: (itemId: string, signal?: AbortSignal) =>
    apiGet<SuggestedLink[]>(`/api/backlog-items/${encodeURIComponent(itemId)}/suggested-links`, signal),
};

/** The backlog query for flagged items, most valuable first: the fix that matters most comes first. */
export function flaggedItemsQuery(code: ItemFlagCode, teamId: string | null): string {
  const params = new URLSearchParams({
    flag: code,
    sort: 'valueScore',
    order: 'desc',
    limit: String(FLAGGED_PAGE_SIZE),
    // The fixes read the breakdown (which estimates are missing): lists leave it out unless asked.
    include: 'breakdown',
  });
  if (teamId) params.set('teamId', teamId);
  return params.toString();
}

/** The backlog query that counts untagged items mentioning a word (one row is enough: the total counts). */
export const unlinkedCountQuery = (word: string) =>
  new URLSearchParams({ unlinked: 'true', q: word, limit: '1' }).toString();
