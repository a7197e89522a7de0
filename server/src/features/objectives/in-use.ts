import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { ObjectiveEntity } from './objective.entity';

// The in-use rule, in agreement with the soft delete: only live objectives
// and key results hold on to a cycle, a team or an owner. Deleted ones keep
// their backlog links (so scoring can flag the items as stale) until what
// they pointed at is deleted for real; then they let go of it here.

type ObjectiveRefs = { cycleId: string } | { teamId: string } | { ownerId: string };

export function hasLiveObjectives(m: EntityManager, where: ObjectiveRefs): Promise<boolean> {
  return m.existsBy(ObjectiveEntity, { ...where, deletedAt: IsNull() });
}

export function hasLiveKeyResults(m: EntityManager, where: { ownerId: string }): Promise<boolean> {
  return m.existsBy(KeyResultEntity, { ...where, deletedAt: IsNull() });
}

/** Before a cycle is deleted: its deleted objectives go for good, with their key results (check-ins and links cascade). */
export async function purgeDeletedObjectives(m: EntityManager, cycleId: string): Promise<void> {
  const ids = (
    await m.find(ObjectiveEntity, { select: { id: true }, where: { cycleId, deletedAt: Not(IsNull()) } })
  ).map((o) => o.id);
  if (ids.length === 0) return;
  await m.delete(KeyResultEntity, { objectiveId: In(ids) });
  // parentId is RESTRICT: unhook the tree before deleting it.
  await m.update(ObjectiveEntity, { id: In(ids) }, { parentId: null });
  await m.delete(ObjectiveEntity, { id: In(ids) });
}

/** Before a team is deleted: its deleted objectives forget it. */
export async function releaseTeam(m: EntityManager, teamId: string): Promise<void> {
  await m.update(ObjectiveEntity, { teamId, deletedAt: Not(IsNull()) }, { teamId: null });
}

/** Before a user is deleted: the deleted objectives and key results they owned forget them. */
export async function releaseOwner(m: EntityManager, ownerId: string): Promise<void> {
  await m.update(ObjectiveEntity, { ownerId, deletedAt: Not(IsNull()) }, { ownerId: null });
  await m.update(KeyResultEntity, { ownerId, deletedAt: Not(IsNull()) }, { ownerId: null });
}
