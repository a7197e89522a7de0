import { useQuery } from '@tanstack/react-query';
import type { KeyResult, Objective, User } from '@keyline/shared';
import { useMemo } from 'react';
import { apiGet } from '../../../lib/api';
import { useSession } from '../../auth/useSession';

export interface OwnerOption {
  id: string;
  name: string;
}

/**
 * Everyone who owns an objective or key result of the quarter, by name. The
 * user list is admin-only (as in useOwnerName), so others see their own name
 * and a short id for the rest rather than a blank.
 */
export function useOwnerOptions(objectives: readonly Objective[], keyResults: readonly KeyResult[]): OwnerOption[] {
  const { data: me } = useSession();
  const isAdmin = me?.role === 'admin';
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => apiGet<User[]>('/api/users', signal),
    enabled: isAdmin,
    staleTime: 60_000,
  });
  return useMemo(() => {
    const ids = new Set<string>();
    for (const owned of [...objectives, ...keyResults]) if (owned.ownerId) ids.add(owned.ownerId);
    const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    const nameOf = (id: string) => (id === me?.id ? `${me.name} (you)` : (names.get(id) ?? `Member ${id.slice(0, 8)}`));
    return [...ids].map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [objectives, keyResults, users.data, me]);
}
