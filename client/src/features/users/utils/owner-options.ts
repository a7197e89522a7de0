import type { Member } from '@keyline/shared';

export interface OwnerChoice {
  value: string;
  label: string;
}

/**
 * What an owner picker offers: nobody, then the active members by name. A
 * disabled member stays in the list only while they are the current owner,
 * marked, so editing something they own does not silently change its owner.
 */
export function ownerChoices(
  members: readonly Member[],
  currentOwnerId: string | null,
  meId: string | undefined,
): OwnerChoice[] {
  const choices = members
    .filter((m) => m.active || m.id === currentOwnerId)
    .map((m) => ({ value: m.id, label: `${m.name}${m.id === meId ? ' (you)' : ''}${m.active ? '' : ' (disabled)'}` }));
  if (currentOwnerId && !members.some((m) => m.id === currentOwnerId))
    choices.push({ value: currentOwnerId, label: 'Unknown member' });
  return [{ value: '', label: 'No owner' }, ...choices];
}

/** A member's name for display; null when nobody owns it. */
export function ownerName(members: readonly Member[] | undefined, ownerId: string | null): string | null {
  if (!ownerId) return null;
  return members?.find((m) => m.id === ownerId)?.name ?? null;
}
