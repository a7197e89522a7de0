import { useQuery } from '@tanstack/react-query';
import type { Member } from '@keyline/shared';
import { apiGet } from '../../../lib/api';

export const MEMBERS_KEY = ['members'] as const;

/** The member directory (names only), readable by every signed-in user: owners' names and the owner pickers. */
export function useMembers() {
  return useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: ({ signal }) => apiGet<Member[]>('/api/members', signal),
    staleTime: 60_000,
  });
}
