import { useQuery } from '@tanstack/react-query';
import type { User } from '@keyline/shared';
import { apiGet } from '../../../lib/api';
import { useSession } from '../../auth/useSession';

/**
 * The owner's name where the client can know it: the user list is admin-only,
 * so admins see every owner, others see "you" for their own KRs and nothing
 * (rather than a bare id) for the rest.
 */
export function useOwnerName(ownerId: string | null): string | null {
  const { data: me } = useSession();
  const isAdmin = me?.role === 'admin';
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiGet<User[]>('/api/users', signal),
    enabled: Boolean(ownerId) && isAdmin,
    staleTime: 60_000,
  });
  if (!ownerId) return null;
  if (me?.id === ownerId) return 'you';
  return users.data?.find((u) => u.id === ownerId)?.name ?? null;
}
