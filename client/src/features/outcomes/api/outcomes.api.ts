import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemOutcomeState, OutcomeReportDto, OutcomeSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';

export interface OutcomeFilter {
  cycleId?: string | null;
  teamId?: string | null;
  keyResultId?: string | null;
  itemId?: string | null;
  state?: ItemOutcomeState | null;
}

/**
 * Outcomes are derived from check-ins, done dates, links and the outcome
 * settings: every write to those invalidates the 'outcomes' key
 * (invalidateOkrData, the backlog's item cache, the settings save below).
 */
export const outcomeKeys = {
  all: ['outcomes'] as const,
  report: (filter: OutcomeFilter) => ['outcomes', 'report', normalise(filter)] as const,
  settings: ['outcomes', 'settings'] as const,
};

function normalise(filter: OutcomeFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value) out[key] = value;
  return out;
}

export function outcomeSearch(filter: OutcomeFilter, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...normalise(filter), ...extra }).toString();
  return search ? `?${search}` : '';
}

/** GET /api/outcomes: the figures for the quarter and team asked for, and the items newest first. */
export const useOutcomes = (filter: OutcomeFilter, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: outcomeKeys.report(filter),
    queryFn: ({ signal }) => apiGet<OutcomeReportDto>(`/api/outcomes${outcomeSearch(filter)}`, signal),
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
        client.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
    },
  });
}
