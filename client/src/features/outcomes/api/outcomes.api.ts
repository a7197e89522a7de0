import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemOutcomeState, OutcomeReportDto, OutcomeSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { dashboardKeys, outcomeKeys } from '../../../lib/query-keys';

export interface OutcomeFilter {
  cycleId?: string | null;
  teamId?: string | null;
  keyResultId?: string | null;
  itemId?: string | null;
  state?: ItemOutcomeState | null;
}

function normalise(filter: OutcomeFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value) out[key] = value;
  return out;
}

export function outcomeSearch(filter: OutcomeFilter, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...normalise(filter), ...extra }).toString();
  return search ? `?${search}` : '';
}

/** The only wrapper of GET /api/outcomes (`extra`: paging, e.g. `limit`). */
export const outcomesApi = {
  report: (filter: OutcomeFilter, signal?: AbortSignal, extra: Record<string, string> = {}) =>
    apiGet<OutcomeReportDto>(`/api/outcomes${outcomeSearch(filter, extra)}`, signal),
};

/** GET /api/outcomes: the figures for the quarter and team asked for, and the items newest first. */
export const useOutcomes = (filter: OutcomeFilter, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: outcomeKeys.report(normalise(filter)),
    queryFn: ({ signal }) => outcomesApi.report(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const outcomesCsvHref = (filter: OutcomeFilter) => `/api/exports/outcomes.csv${outcomeSearch(filter)}`;

export interface VersionedOutcomeSettings {
  id: string;
  version: number;
  settings: OutcomeSettings;
}

export const useOutcomeSettings = () =>
  useQuery({
    queryKey: outcomeKeys.settings,
    queryFn: ({ signal }) => apiGet<VersionedOutcomeSettings>('/api/settings/outcomes', signal),
  });

export function useSaveOutcomeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, settings }: { version: number; settings: OutcomeSettings }) =>
      api<VersionedOutcomeSettings>('PUT', '/api/settings/outcomes', { body: settings, version }),
    onSuccess: (saved) => {
      client.setQueryData(outcomeKeys.settings, saved);
      // The dashboard's headline is an outcome figure too.
      return Promise.all([
        client.invalidateQueries({ queryKey: outcomeKeys.all }),
        client.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}
