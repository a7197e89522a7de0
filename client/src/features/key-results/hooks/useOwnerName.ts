import { useSession } from '../../auth/useSession';
import { ownerName } from '../../users/utils/owner-options';
import { useMembers } from '../../users/hooks/useMembers';

/** The owner's name from the member directory, "you" for the signed-in user's own; null when nobody owns it. */
export function useOwnerName(ownerId: string | null): string | null {
  const { data: me } = useSession();
  const members = useMembers();
  if (!ownerId) return null;
  if (me?.id === ownerId) return 'you';
  return ownerName(members.data, ownerId);
}
