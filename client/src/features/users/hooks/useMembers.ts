import { useQuery } from '@tanstack/react-query';
import { userKeys } from '../../../lib/query-keys';
import { usersApi } from '../api/users.api';

/** The member directory (names only), readable by every signed-in user: owners' names and the owner pickers. */
export function useMembers() {
  return useQuery({
    queryKey: userKeys.members(),
    queryFn: ({ signal }) => usersApi.members(signal),
    staleTime: 60_000,
  });
}
