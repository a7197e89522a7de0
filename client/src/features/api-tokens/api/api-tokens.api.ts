import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreatedApiToken, CreateApiTokenInput } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { apiTokenKeys } from '../../../lib/query-keys';

/** Your tokens (an admin gets everyone's), newest first, never with their secrets. */
export const useApiTokens = () =>
  useQuery({ queryKey: apiTokenKeys.all, queryFn: ({ signal }) => apiGet<ApiToken[]>('/api/api-tokens', signal) });

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => api<CreatedApiToken>('POST', '/api/api-tokens', { body: input }),
    onSuccess: (created) => {
      // The list never carries the secret: drop it before caching.
      const { token: _secret, ...listed } = created;
      client.setQueryData(apiTokenKeys.all, (list: ApiToken[] | undefined) => [
        listed,
        ...(list ?? []).filter((t) => t.id !== listed.id),
      ]);
      void client.invalidateQueries({ queryKey: apiTokenKeys.all });
    },
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Pick<ApiToken, 'id'>) => api<void>('DELETE', `/api/api-tokens/${encodeURIComponent(token.id)}`),
    onSuccess: (_nothing, token) => {
      const revokedAt = new Date().toISOString();
      client.setQueryData(apiTokenKeys.all, (list: ApiToken[] | undefined) =>
        (list ?? []).map((t) => (t.id === token.id ? { ...t, revokedAt: t.revokedAt ?? revokedAt } : t)),
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
