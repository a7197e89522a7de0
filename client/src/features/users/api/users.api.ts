import { useQuery } from '@tanstack/react-query';
import type { CreatedUser, CreateUserInput, Member, UpdateUserInput, User } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { userKeys } from '../../../lib/query-keys';

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** The only wrappers of /api/users and /api/members. */
export const usersApi = {
  list: (signal?: AbortSignal) => apiGet<User[]>('/api/users', signal),
  members: (signal?: AbortSignal) => apiGet<Member[]>('/api/members', signal),
  invite: (input: CreateUserInput) => api<CreatedUser>('POST', '/api/users', { body: input }),
  update: (user: Pick<User, 'id' | 'version'>, patch: UpdateUserInput) =>
    api<User>('PATCH', userPath(user.id), { body: patch, version: user.version }),
};

/** Every account with its role (admins only). */
export const useUsers = (options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => usersApi.list(signal), ...options });
