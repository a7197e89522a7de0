import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedShareLink, CreateShareLinkInput, ShareLink } from '@keyline/shared';
import { api, apiGet } from '../../../lib/api';
import { shareLinkKeys } from '../../../lib/query-keys';

const KEY = shareLinkKeys.all;

export const useShareLinks = () =>
  useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiGet<ShareLink[]>('/api/share-links', signal) });

export function useCreateShareLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateShareLinkInput) => api<CreatedShareLink>('POST', '/api/share-links', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeShareLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (link: Pick<ShareLink, 'id' | 'version'>) =>
      api<void>('DELETE', `/api/share-links/${link.id}`, { version: link.version }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
