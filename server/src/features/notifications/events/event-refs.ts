import type { z } from 'zod';
import type { BacklogItemRefSchema, CycleRefSchema, KeyResultRefSchema } from '@keyline/shared';
import { Links } from '../links';

type KeyResultRef = z.infer<typeof KeyResultRefSchema>;
type BacklogItemRef = z.infer<typeof BacklogItemRefSchema>;
type CycleRef = z.infer<typeof CycleRefSchema>;

/** The short references to a KR, an item and a cycle that event payloads carry, with their links. */
export function keyResultRef(
  links: Links,
  kr: { id: string; title: string; objectiveId: string; ownerId: string | null },
): KeyResultRef {
  return {
    id: kr.id,
    title: kr.title,
    objectiveId: kr.objectiveId,
    ownerId: kr.ownerId,
    url: links.absolute(Links.keyResult(kr.id)),
  };
}

export function itemRef(
  links: Links,
  item: { id: string; title: string; externalKey: string | null; teamId: string | null },
): BacklogItemRef {
  return {
    id: item.id,
    title: item.title,
    externalKey: item.externalKey,
    teamId: item.teamId,
    url: links.absolute(Links.item(item.id)),
  };
}

export function cycleRef(
  links: Links,
  cycle: { id: string; name: string; startsOn: string; endsOn: string },
): CycleRef {
  return {
    id: cycle.id,
    name: cycle.name,
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    url: links.absolute(Links.cycle(cycle.id)),
  };
}
