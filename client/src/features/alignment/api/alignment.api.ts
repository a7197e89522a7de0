import type {
  AlignmentReport,
  Cycle,
  ItemFlagCode,
  KeyResult,
  MoveBacklogItemInput,
  Page,
  ScoredBacklogItem,
  SuggestedLink,
  Team,
  UpdateBacklogItemInput,
} from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { filtersToApiQuery, type AlignmentFilters } from '../utils/url-state';

/**
 * Query keys. Flagged lists live under ['backlog', …] so that any backlog
 * edit anywhere (which invalidates ['backlog']) refreshes them too; the
 * reference lists use the same keys and endpoints as the backlog screen so
 * the cache is shared.
 */
export const alignmentKeys = {
  all: ['alignment'] as const,
  report: (filters: AlignmentFilters) =>
    ['alignment', 'report', filters.cycleId ?? 'active', filters.teamId ?? 'all'] as const,
  flagged: (code: ItemFlagCode, teamId: string | null) => ['backlog', 'flagged', code, teamId ?? 'all'] as const,
  item: (id: string) => ['backlog', 'item', id] as const,
  suggestions: (itemId: string) => ['suggested-links', itemId] as const,
  unlinkedCount: (word: string) => ['backlog', 'unlinked-count', word] as const,
  cycles: ['cycles'] as const,
  teams: ['teams'] as const,
  keyResults: ['key-results', 'all'] as const,
};

export const FLAGGED_PAGE_SIZE = 25;

const itemPath = (id: string) => `/api/backlog-items/${encodeURIComponent(id)}`;

export const alignmentApi = {
  report: (filters: AlignmentFilters, signal?: AbortSignal) => {
    const query = filtersToApiQuery(filters);
    return apiGet<AlignmentReport>(`/api/alignment${query ? `?${query}` : ''}`, signal);
  },
  /** Flagged items, most valuable first: the fix that matters most comes first. */
  flagged: (code: ItemFlagCode, teamId: string | null, cursor: string | null, signal?: AbortSignal) => {
    const params = new URLSearchParams({
      flag: code,
      sort: 'valueScore',
      order: 'desc',
      limit: String(FLAGGED_PAGE_SIZE),
      // The fixes read the breakdown (which estimates are missing): lists leave it out unless asked.
      include: 'breakdown',
    });
    if (teamId) params.set('teamId', teamId);
    if (cursor) params.set('cursor', cursor);
    return apiGet<Page<ScoredBacklogItem>>(`/api/backlog-items?${params.toString()}`, signal);
  },
  unlinkedCount: async (word: string, signal?: AbortSignal) => {
    const params = new URLSearchParams({ unlinked: 'true', q: word, limit: '1' });
    return (await apiGet<Page<ScoredBacklogItem>>(`/api/backlog-items?${params.toString()}`, signal)).total;
  },
  item: (id: string, signal?: AbortSignal) => apiGet<ScoredBacklogItem>(itemPath(id), signal),
  suggestions: (itemId: string, signal?: AbortSignal) =>
    apiGet<SuggestedLink[]>(`${itemPath(itemId)}/suggested-links`, signal),
  setLink: (itemId: string, keyResultId: string, strength: number) =>
    api<ScoredBacklogItem>('PUT', `${itemPath(itemId)}/links/${encodeURIComponent(keyResultId)}`, {
      body: { strength },
    }),
  update: (itemId: string, version: number, patch: UpdateBacklogItemInput) =>
    api<ScoredBacklogItem>('PATCH', itemPath(itemId), { body: patch, version }),
  move: (itemId: string, version: number, move: MoveBacklogItemInput) =>
    api<ScoredBacklogItem>('POST', `${itemPath(itemId)}/move`, { body: move, version }),
  cycles: (signal?: AbortSignal) => apiGet<Cycle[]>('/api/cycles', signal),
  teams: (signal?: AbortSignal) => apiGet<Team[]>('/api/teams', signal),
  keyResults: (signal?: AbortSignal) => apiGet<KeyResult[]>('/api/key-results', signal),
};
