import type { CreatedUser, CreateUserInput, Team, UpdateTeamInput, UpdateUserInput, User } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';

export const settingsKeys = {
  users: ['settings', 'users'] as const,
  // Same key and shape as the backlog's team list, so a rename shows there too.
  teams: ['teams'] as const,
};

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;
const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

export const settingsApi = {
  users: (signal?: AbortSignal) => apiGet<User[]>('/api/users', signal),
  invite: (input: CreateUserInput) => api<CreatedUser>('POST', '/api/users', { body: input }),
  updateUser: (user: Pick<User, 'id' | 'version'>, patch: UpdateUserInput) =>
    api<User>('PATCH', userPath(user.id), { body: patch, version: user.version }),
  teams: (signal?: AbortSignal) => apiGet<Team[]>('/api/teams', signal),
  createTeam: (name: string) => api<Team>('POST', '/api/teams', { body: { name } }),
  updateTeam: (team: Pick<Team, 'id' | 'version'>, patch: UpdateTeamInput) =>
    api<Team>('PATCH', teamPath(team.id), { body: patch, version: team.version }),
  removeTeam: (team: Pick<Team, 'id' | 'version'>) => api<void>('DELETE', teamPath(team.id), { version: team.version }),
};
