import { useQuery } from '@tanstack/react-query';
import type { Team, UpdateTeamInput } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { teamKeys } from '../../../lib/query-keys';

const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

/** The only wrappers of /api/teams. */
export const teamsApi = {
  list: (signal?: AbortSignal) => apiGet<Team[]>('/api/teams', signal),
  create: (name: string) => api<Team>('POST', '/api/teams', { body: { name } }),
  update: (team: Pick<Team, 'id' | 'version'>, patch: UpdateTeamInput) =>
    api<Team>('PATCH', teamPath(team.id), { body: patch, version: team.version }),
  remove: (team: Pick<Team, 'id' | 'version'>) => api<void>('DELETE', teamPath(team.id), { version: team.version }),
};

/** Every team: filters, pickers and Settings → teams share one cache entry, so a rename shows everywhere. */
export const useTeams = (options: { staleTime?: number } = {}) =>
  useQuery({ queryKey: teamKeys.list(), queryFn: ({ signal }) => teamsApi.list(signal), ...options });
