import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@keyline/shared';
import { roleAtLeast, type Role, type SessionUser } from '@keyline/shared/core';
import { api, ApiError } from '../../lib/api';
import { sessionKeys } from '../../lib/query-keys';

const SESSION_KEY = sessionKeys.current;

/** The signed-in user, or null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return (await api<{ user: SessionUser }>('GET', '/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the signed-in user may do what needs `role`. Viewers see no edit controls. */
export function useCan(role: Role): boolean {
  const { data } = useSession();
  return Boolean(data && roleAtLeast(data.role, role));
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<{ user: SessionUser }>('POST', '/api/auth/login', { body: input }),
    onSuccess: ({ user }) => {
      forgetEverythingButSession(client);
      client.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    // Ends the Keyline session and, when it came from the identity provider, the provider's too.
    mutationFn: () => api<{ redirectTo: string | null }>('POST', '/api/auth/oidc/logout'),
    onSuccess: ({ redirectTo }) => {
      if (redirectTo) window.location.assign(redirectTo);
    },
    onSettled: () => {
      forgetEverythingButSession(client);
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

/**
 * Another user's cached data must not leak across a sign-in. The session
 * query itself stays: the app observes it, and clearing it would detach them.
 */
function forgetEverythingButSession(client: ReturnType<typeof useQueryClient>): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}
