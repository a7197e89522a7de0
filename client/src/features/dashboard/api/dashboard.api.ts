import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@keyline/shared';
import { apiGet } from '../../../lib/api';
import { dashboardKeys } from '../../../lib/query-keys';

function query(params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Everything the dashboard shows, in one call; the previous quarter stays on screen while another loads. */
export const useDashboard = (cycleId: string | null, teamId: string | null, enabled = true) =>
  useQuery({
    queryKey: dashboardKeys.signedIn(cycleId, teamId),
    queryFn: ({ signal }) => apiGet<Dashboard>(`/api/dashboard${query({ cycleId, teamId })}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The same dashboard through a share link: no session; a dead link is an answer, not something to retry. */
export const useSharedDashboard = (token: string, teamId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.shared(token, teamId),
    queryFn: ({ signal }) =>
      apiGet<Dashboard>(`/api/shared/${encodeURIComponent(token)}/dashboard${query({ teamId })}`, signal),
    retry: false,
  });
