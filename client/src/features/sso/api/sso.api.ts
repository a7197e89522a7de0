import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedScimToken, CreateScimTokenInput, ScimToken, SignInOptions, SsoSettings } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { ssoKeys } from '../../../lib/query-keys';

/** Before anyone is signed in: is there an identity provider, and are passwords accepted? */
export const useSignInOptions = () =>
  useQuery({
    queryKey: ssoKeys.signInOptions,
    queryFn: ({ signal }) => apiGet<SignInOptions>('/api/auth/sign-in-options', signal),
    staleTime: Infinity,
  });

export const useSsoSettings = () =>
  useQuery({ queryKey: ssoKeys.settings, queryFn: ({ signal }) => apiGet<SsoSettings>('/api/sso/settings', signal) });

export const useScimTokens = () =>
  useQuery({
    queryKey: ssoKeys.scimTokens,
    queryFn: ({ signal }) => apiGet<ScimToken[]>('/api/sso/scim-tokens', signal),
  });

export function useCreateScimToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateScimTokenInput) => api<CreatedScimToken>('POST', '/api/sso/scim-tokens', { body: input }),
    onSuccess: (created) => {
      // The list never carries the secret: drop it before caching.
      const { token: _secret, ...listed } = created;
      client.setQueryData(ssoKeys.scimTokens, (list: ScimToken[] | undefined) => [
        listed,
        ...(list ?? []).filter((t) => t.id !== listed.id),
      ]);
      void client.invalidateQueries({ queryKey: ssoKeys.scimTokens });
    },
  });
}

export function useRevokeScimToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Pick<ScimToken, 'id'>) =>
      api<void>('DELETE', `/api/sso/scim-tokens/${encodeURIComponent(token.id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: ssoKeys.scimTokens }),
  });
}
