import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  CreateObjectiveSchema,
  keyResultProgress,
  objectiveGrade,
  weightedProgress,
  type Objective,
  type UpdateObjectiveInput,
} from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { updateVersioned } from '../../db/versioned';
import { AppError, invalidField, notFound, versionConflict } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { assertCycleOpen, findCycle } from '../cycles/cycle.service';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { ObjectiveEntity } from './objective.entity';

export class ObjectiveService {
  constructor(private readonly db: Database) {}

  list(filter: { cycleId?: string; teamId?: string }): Promise<Objective[]> {
    return this.db.read(async (m) => {
      const rows = await m.find(ObjectiveEntity, {
        where: {
          deletedAt: IsNull(),
          ...(filter.cycleId && { cycleId: filter.cycleId }),
          ...(filter.teamId && { teamId: filter.teamId }),
        },
        order: { createdAt: 'ASC' },
      });
      return toObjectiveDtos(m, rows);
    });
  }

  get(id: string): Promise<Objective> {
    return this.db.read(async (m) => (await toObjectiveDtos(m, [await findObjective(m, id)]))[0] as Objective);
  }

  create(actor: Actor, input: z.output<typeof CreateObjectiveSchema>): Promise<Objective> {
    return this.db.write(async (m) => {
      assertCycleOpen(await findCycle(m, input.cycleId));
      await assertReferences(m, input.cycleId, null, input);
      const now = nowIso();
      const row: ObjectiveEntity = {
        id: randomUUID(),
        ...input,
        deletedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(ObjectiveEntity, row);
      const [dto] = await toObjectiveDtos(m, [row]);
      await recordAudit(m, actor, 'objective', row.id, 'create', null, dto);
      return dto as Objective;
    });
  }

  update(actor: Actor, id: string, version: number, input: UpdateObjectiveInput): Promise<Objective> {
    return this.db.write(async (m) => {
      const toDto = async (row: ObjectiveEntity) => (await toObjectiveDtos(m, [row]))[0] as Objective;
      const { before, after } = await updateVersioned(
        m,
        ObjectiveEntity,
        'Objective',
        id,
        version,
        async (current) => {
          assertCycleOpen(await findCycle(m, current.cycleId));
          await assertReferences(m, current.cycleId, id, input);
          return { ...input };
        },
        toDto,
      );
      const dto = await toDto(after);
      await recordAudit(m, actor, 'objective', id, 'update', await toDto(before), dto);
      return dto;
    });
  }

  /**
   * Soft delete, with its key results: backlog links stay so scoring can flag
   * the items as stale instead of silently dropping their alignment.
   */
  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const row = await findObjective(m, id);
      if (row.version !== version)
        throw versionConflict('Objective', (await toObjectiveDtos(m, [row]))[0] as Objective);
      assertCycleOpen(await findCycle(m, row.cycleId));
      if (await m.existsBy(ObjectiveEntity, { parentId: id, deletedAt: IsNull() })) {
        throw new AppError('IN_USE', 'Team objectives ladder up to this one; move or delete them first');
      }
      const before = (await toObjectiveDtos(m, [row]))[0];
      const now = nowIso();
      const result = await m
        .createQueryBuilder()
        .update(ObjectiveEntity)
        .set({ deletedAt: now, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw versionConflict('Objective', before as Objective);
      await m.update(KeyResultEntity, { objectiveId: id, deletedAt: IsNull() }, { deletedAt: now, updatedAt: now });
      await recordAudit(m, actor, 'objective', id, 'delete', before, null);
    });
  }
}

export async function findObjective(m: EntityManager, id: string): Promise<ObjectiveEntity> {
  const row = await m.findOneBy(ObjectiveEntity, { id, deletedAt: IsNull() });
  if (!row) throw notFound('Objective');
  return row;
}

/** Objectives with their progress rolled up from their key results by weight. */
export async function toObjectiveDtos(m: EntityManager, rows: ObjectiveEntity[]): Promise<Objective[]> {
  const keyResults = rows.length
    ? await m.find(KeyResultEntity, { where: { objectiveId: In(rows.map((r) => r.id)), deletedAt: IsNull() } })
    : [];
  return rows.map((o) => {
    const krs = keyResults.filter((kr) => kr.objectiveId === o.id);
    return {
      id: o.id,
      cycleId: o.cycleId,
      title: o.title,
      description: o.description,
      teamId: o.teamId,
      parentId: o.parentId,
      ownerId: o.ownerId,
      weight: o.weight,
      progress: weightedProgress(krs.map((kr) => ({ progress: keyResultProgress(kr) ?? 0, weight: kr.weight }))),
      grade: objectiveGrade(krs.map((kr) => ({ grade: kr.grade ?? null, weight: kr.weight }))),
      version: o.version,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  });
}

/** Team, owner and parent must exist; the parent must be in the same cycle and not below this objective. */
async function assertReferences(
  m: EntityManager,
  cycleId: string,
  selfId: string | null,
  input: { teamId?: string | null; parentId?: string | null; ownerId?: string | null },
): Promise<void> {
  if (input.teamId && !(await m.existsBy(TeamEntity, { id: input.teamId })))
    throw invalidField('teamId', 'No such team');
  if (input.ownerId && !(await m.existsBy(UserEntity, { id: input.ownerId })))
    throw invalidField('ownerId', 'No such user');
  if (!input.parentId) return;
  let cursor: string | null = input.parentId;
  for (let depth = 0; cursor; depth++) {
    if (cursor === selfId || depth > 50) throw invalidField('parentId', 'An objective cannot ladder up to itself');
    const parent: ObjectiveEntity | null = await m.findOneBy(ObjectiveEntity, { id: cursor, deletedAt: IsNull() });
    if (!parent) throw invalidField('parentId', 'No such objective');
    if (depth === 0 && parent.cycleId !== cycleId)
      throw invalidField('parentId', 'The parent objective is in another cycle');
    cursor = parent.parentId;
  }
}
