import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  keyResultProgress,
  OPEN_STATUSES,
  type CarriedKeyResult,
  type CloseCycleResult,
  type CloseCycleSchema,
  type Cycle,
  type KeyResult,
  type NewCycleInput,
  type Objective,
} from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { lockForRuleCheck } from '../../db/table-lock';
import { AppError, invalidField, versionConflict } from '../../http/app-error';
import { freshKeyResultCode } from '../integrations/key-result-codes';
import { recordAudit } from '../audit/audit.recorder';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { CycleEntity } from './cycle.entity';
import { findCycle, toCycleDto } from './cycle.service';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { toKeyResultDtos } from '../key-results/key-result.mapper';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { toObjectiveDtos } from '../objectives/objective.service';
import type { OkrEvents } from '../notifications/events/okr-events';

type CloseInput = z.output<typeof CloseCycleSchema>;

/**
 * Closing a quarter is one transaction: create the next cycle if asked,
 * carry the chosen KRs (and the objectives above them) into it, move their
 * open backlog links along, close this cycle, and make the next one active
 * when no cycle is active any more. Every step writes its audit event in
 * the same transaction, so a failure anywhere leaves nothing behind.
 */
export class CloseCycleService {
  constructor(
    private readonly db: Database,
    /** Publishes `cycle.closed` inside the close's transaction. */
    private readonly events?: Pick<OkrEvents, 'cycleClosed'>,
  ) {}

  close(actor: Actor, cycleId: string, version: number, input: CloseInput): Promise<CloseCycleResult> {
    return this.db.write(async (m) => {
      await lockForRuleCheck(m, 'cycles');
      const cycle = await findCycle(m, cycleId);
      if (cycle.version !== version) throw versionConflict('Cycle', toCycleDto(cycle));
      if (cycle.status === 'closed') throw new AppError('CONFLICT', `${cycle.name} is already closed`);

      let next = input.nextCycleId ? await chosenNextCycle(m, cycle, input.nextCycleId) : null;
      if (input.nextCycle) next = await createNextCycle(m, actor, input.nextCycle);

      const carry = new Carrier(m, actor, cycle, next);
      const carried: CarriedKeyResult[] = [];
      // One at a time, in the order given: a bad id half-way fails the whole transaction.
      for (const [index, keyResultId] of input.carryOverKeyResultIds.entries()) {
        carried.push(await carry.keyResult(keyResultId, index));
      }

      const closed = await setStatus(m, actor, cycle, 'closed');
      let nextDto = next ? toCycleDto(next) : null;
      let nextCycleActivated = false;
      // Decided: the next quarter starts when the last one closes, unless another cycle is already running.
      if (next && next.status === 'planning' && !(await m.existsBy(CycleEntity, { status: 'active' }))) {
        nextDto = await setStatus(m, actor, next, 'active');
        nextCycleActivated = true;
      }
      await this.events?.cycleClosed(
        m,
        await findCycle(m, cycleId),
        next ? await findCycle(m, next.id) : null,
        carried.map((c) => c.fromKeyResultId),
      );
      return {
        closedCycle: closed,
        nextCycle: nextDto,
        nextCycleActivated,
        carried,
        copiedObjectives: carry.copiedObjectives(),
      };
    });
  }
}

async function chosenNextCycle(m: EntityManager, closing: CycleEntity, id: string): Promise<CycleEntity> {
  if (id === closing.id) throw invalidField('nextCycleId', 'Pick another cycle than the one you are closing');
  const next = await m.findOneBy(CycleEntity, { id });
  if (!next) throw invalidField('nextCycleId', 'No such cycle');
  if (next.status === 'closed')
    throw invalidField('nextCycleId', `${next.name} is closed; carry over into a cycle in planning or active`);
  return next;
}

async function createNextCycle(m: EntityManager, actor: Actor, input: NewCycleInput): Promise<CycleEntity> {
  if (await m.existsBy(CycleEntity, { name: input.name })) {
    throw new AppError('DUPLICATE', `A cycle named ${input.name} already exists`, {
      issues: [{ path: ['nextCycle', 'name'], message: 'Already in use' }],
    });
  }
  const now = nowIso();
  const row: CycleEntity = {
    id: randomUUID(),
    ...input,
    status: 'planning',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await m.insert(CycleEntity, row);
  await recordAudit(m, actor, 'cycle', row.id, 'create', null, toCycleDto(row));
  return row;
}

async function setStatus(
  m: EntityManager,
  actor: Actor,
  cycle: CycleEntity,
  status: 'active' | 'closed',
): Promise<Cycle> {
  const before = toCycleDto(cycle);
  const result = await m
    .createQueryBuilder()
    .update(CycleEntity)
    .set({ status, updatedAt: nowIso(), version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: cycle.id, version: cycle.version })
    .execute();
  // The table lock (PostgreSQL) or the write queue (SQLite) makes this unreachable, but never assume.
  if (result.affected !== 1) throw versionConflict('Cycle', before);
  const after = toCycleDto(await findCycle(m, cycle.id));
  await recordAudit(m, actor, 'cycle', cycle.id, 'update', before, after);
  return after;
}

const carryError = (index: number, message: string) =>
  new AppError('VALIDATION_FAILED', `carryOverKeyResultIds.${index}: ${message}`, {
    issues: [{ path: ['carryOverKeyResultIds', index], message }],
  });

/** Copies KRs (and their objectives, once each) from the closing cycle into the next. */
class Carrier {
  private readonly objectiveCopies = new Map<string, string>();

  constructor(
    private readonly m: EntityManager,
    private readonly actor: Actor,
    private readonly from: CycleEntity,
    private readonly to: CycleEntity | null,
  ) {}

  copiedObjectives(): Record<string, string> {
    return Object.fromEntries(this.objectiveCopies);
  }

  async keyResult(id: string, index: number): Promise<CarriedKeyResult> {
    const { m, actor } = this;
    const original = await m.findOneBy(KeyResultEntity, { id, deletedAt: IsNull() });
    const objective =
      original && (await m.findOneBy(ObjectiveEntity, { id: original.objectiveId, deletedAt: IsNull() }));
    if (!original || !objective || objective.cycleId !== this.from.id)
      throw carryError(index, `Not a key result of ${this.from.name}`);
    if (original.carriedToId) throw carryError(index, 'Already carried over');
    if ((keyResultProgress(original) ?? 0) >= 1)
      throw carryError(index, 'Already met its target; there is nothing left to carry over');

    const toObjectiveId = await this.objective(objective);
    const now = nowIso();
    // The copy starts where the original stands: its progress counts only what happens next quarter.
    const copy: KeyResultEntity = {
      id: randomUUID(),
      objectiveId: toObjectiveId,
      title: original.title,
      metricType: original.metricType,
      startValue: original.currentValue,
      currentValue: original.currentValue,
      targetValue: original.targetValue,
      unit: original.unit,
      weight: original.weight,
      ownerId: original.ownerId,
      code: await freshKeyResultCode(m),
      deletedAt: null,
      carriedFromId: original.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(KeyResultEntity, copy);
    await recordAudit(m, actor, 'keyResult', copy.id, 'create', null, await keyResultDto(m, copy.id));

    const before = await keyResultDto(m, original.id);
    await m
      .createQueryBuilder()
      .update(KeyResultEntity)
      .set({ carriedToId: copy.id, updatedAt: now, version: () => 'version + 1' })
      .where('id = :id', { id: original.id })
      .execute();
    await recordAudit(m, actor, 'keyResult', original.id, 'update', before, await keyResultDto(m, original.id));

    const movedItemIds = await this.moveOpenLinks(original.id, copy.id);
    return {
      fromKeyResultId: original.id,
      toKeyResultId: copy.id,
      fromObjectiveId: objective.id,
      toObjectiveId,
      movedItemIds,
    };
  }

  /** The objective's copy in the next cycle, made once, with its parents copied first so the tree survives. */
  private async objective(objective: ObjectiveEntity): Promise<string> {
    const existing = this.objectiveCopies.get(objective.id);
    if (existing) return existing;
    const to = this.to as CycleEntity; // the schema refuses carry-over without a next cycle
    const parent = objective.parentId
      ? await this.m.findOneBy(ObjectiveEntity, { id: objective.parentId, cycleId: this.from.id, deletedAt: IsNull() })
      : null;
    const parentId = parent ? await this.objective(parent) : null;
    const now = nowIso();
    const copy: ObjectiveEntity = {
      id: randomUUID(),
      cycleId: to.id,
      title: objective.title,
      description: objective.description,
      teamId: objective.teamId,
      parentId,
      ownerId: objective.ownerId,
      weight: objective.weight,
      deletedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.m.insert(ObjectiveEntity, copy);
    const [dto] = await toObjectiveDtos(this.m, [copy]);
    await recordAudit(this.m, this.actor, 'objective', copy.id, 'create', null, {
      ...(dto as Objective),
      carriedFromId: objective.id,
    });
    this.objectiveCopies.set(objective.id, copy.id);
    return copy.id;
  }

  /** Open work follows the KR; done and dropped items keep their link to the original, as history. */
  private async moveOpenLinks(fromId: string, toId: string): Promise<string[]> {
    const { m, actor } = this;
    const links = await m.findBy(BacklogLinkEntity, { keyResultId: fromId });
    if (links.length === 0) return [];
    const open = await m.find(BacklogItemEntity, {
      where: { id: In(links.map((l) => l.itemId)), status: In([...OPEN_STATUSES]) },
      select: { id: true },
    });
    const openIds = new Set(open.map((i) => i.id));
    const moved: string[] = [];
    for (const link of links.filter((l) => openIds.has(l.itemId)).sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
      await m.delete(BacklogLinkEntity, { itemId: link.itemId, keyResultId: fromId });
      await m.insert(BacklogLinkEntity, {
        itemId: link.itemId,
        keyResultId: toId,
        strength: link.strength,
        createdAt: nowIso(),
      });
      const old = { itemId: link.itemId, keyResultId: fromId, strength: link.strength };
      await recordAudit(m, actor, 'link', `${link.itemId}:${fromId}`, 'delete', old, null);
      await recordAudit(m, actor, 'link', `${link.itemId}:${toId}`, 'create', null, {
        ...old,
        keyResultId: toId,
        carriedFrom: fromId,
      });
      moved.push(link.itemId);
    }
    return moved;
  }
}

async function keyResultDto(m: EntityManager, id: string): Promise<KeyResult> {
  return (await toKeyResultDtos(m, [await m.findOneByOrFail(KeyResultEntity, { id })]))[0] as KeyResult;
}
