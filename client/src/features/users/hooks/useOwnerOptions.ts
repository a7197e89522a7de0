import type { KeyResult, Objective } from '@keyline/shared';
import { useMemo } from 'react';
import { useSession } from '../../auth/useSession';
import { useMembers } from './useMembers';

export interface OwnerOption {
  id: string;
  name: string;
}

/**
 * Everyone who owns an objective or key result of the quarter, by name from
 * the member directory (a short id only if a member is unknown to it).
 */
export function useOwnerOptions(objectives: readonly Objective[], keyResults: readonly KeyResult[]): OwnerOption[] {
  const { data: me } = useSession();
  const members = useMembers();
  return useMemo(() => {
    const ids = new Set<string>();
    for (const owned of [...objectives, ...keyResults]) if (owned.ownerId) ids.add(owned.ownerId);
    const names = new Map((members.data ?? []).map((u) => [u.id, u.name]));
    const nameOf = (id: string) => (id === me?.id ? `${me.name} (you)` : (names.get(id) ?? `Member ${id.slice(0, 8)}`));
    return [...ids].map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [objectives, keyResults, members.data, me]);
}
