import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import {
  CreateCheckInSchema,
  CreateKeyResultSchema,
  type CheckIn,
  type KeyResult,
  type UpdateKeyResultInput,
  DAY_MS,
} from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { updateVersioned } from '../../db/versioned';
import { invalidField, notFound, versionConflict } from '../../http/app-error';
import { freshKeyResultCode } from '../integrations/key-result-codes';
import { recordAudit } from '../audit/audit.recorder';
import { assertCycleOpen, findCycle } from '../cycles/cycle.service';
import { findObjective } from '../objectives/objective.service';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { UserEntity } from '../users/user.entity';
import { CheckInEntity } from './check-in.entity';
import { latestCheckIns } from './latest-check-ins';
import { KeyResultEntity } from './key-result.entity';
import { toCheckInDtos, toKeyResultDtos } from './key-result.mapper';
import type { OkrEvents } from '../notifications/events/okr-events';

export interface KeyResultHooks {
  /** Runs after a check-in commits (records the headline history); must not throw. */
  afterCheckIn?: () => Promise<void>;
  /** Open items per KR from the scoring snapshot, so a list does not join every link in SQL. */
  openItemCounts?: () => Promise<ReadonlyMap<string, number>>;
  /** Publishes `check_in.created` inside the check-in's transaction. */
  events?: Pick<OkrEvents, 'checkInCreated'>;
}

export class KeyResultService {
  constructor(
    private readonly db: Database,
    private readonly hooks: KeyResultHooks = {},
  ) {}

  async list(filter: { objectiveId?: string; cycleId?: string }): Promise<KeyResult[]> {
    // Before the read: on SQLite the snapshot's own read would wait behind this one.
    const openItemCounts = await this.hooks.openItemCounts?.();
    return this.db.read(async (m) => {
      const qb = m
        .createQueryBuilder(KeyResultEntity, 'kr')
        .innerJoin(ObjectiveEntity, 'o', 'o.id = kr.objectiveId AND o.deletedAt IS NULL')
        .where('kr.deletedAt IS NULL')
        .orderBy('kr.createdAt', 'ASC');
      if (filter.objectiveId) qb.andWhere('kr.objectiveId = :objectiveId', { objectiveId: filter.objectiveId });
      if (filter.cycleId) qb.andWhere('o.cycleId = :cycleId', { cycleId: filter.cycleId });
      return toKeyResultDtos(m, await qb.getMany(), openItemCounts);
    });
  }

  async get(id: string): Promise<KeyResult> {
    const openItemCounts = await this.hooks.openItemCounts?.();
    return this.db.read(async (m) => one(await toKeyResultDtos(m, [await findKeyResult(m, id)], openItemCounts)));
  }

  create(actor: Actor, input: z.output<typeof CreateKeyResultSchema>): Promise<KeyResult> {
    return this.db.write(async (m) => {
      const objective = await findObjective(m, input.objectiveId).catch(() => {
        throw invalidField('objectiveId', 'No such objective');
      });
      assertCycleOpen(await findCycle(m, objective.cycleId));
      await assertOwner(m, input.ownerId);
      const now = nowIso();
      const row: KeyResultEntity = {
        id: randomUUID(),
        ...input,
        currentValue: input.currentValue ?? input.startValue,
        code: await freshKeyResultCode(m),
        deletedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(KeyResultEntity, row);
      const dto = one(await toKeyResultDtos(m, [row]));
      await recordAudit(m, actor, 'keyResult', row.id, 'create', null, dto);
      return dto;
    });
  }

  update(actor: Actor, id: string, version: number, input: UpdateKeyResultInput): Promise<KeyResult> {
    return this.db.write(async (m) => {
      const toDto = async (row: KeyResultEntity) => one(await toKeyResultDtos(m, [row]));
      const { before, after } = await updateVersioned(
        m,
        KeyResultEntity,
        'Key result',
        id,
        version,
        async (current) => {
          await assertKeyResultEditable(m, current);
          await assertOwner(m, input.ownerId);
          if ((input.startValue ?? current.startValue) === (input.targetValue ?? current.targetValue)) {
            throw invalidField('targetValue', 'Target must differ from the start value');
          }
          return { ...input };
        },
        toDto,
      );
      const dto = await toDto(after);
      await recordAudit(m, actor, 'keyResult', id, 'update', await toDto(before), dto);
      return dto;
    });
  }

  /** Soft delete: backlog links stay and scoring flags them stale. */
  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const row = await findKeyResult(m, id);
      const before = one(await toKeyResultDtos(m, [row]));
      if (row.version !== version) throw versionConflict('Key result', before);
      await assertKeyResultEditable(m, row);
      const now = nowIso();
      const result = await m
        .createQueryBuilder()
        .update(KeyResultEntity)
        .set({ deletedAt: now, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw versionConflict('Key result', before);
      await recordAudit(m, actor, 'keyResult', id, 'delete', before, null);
    });
  }

  listCheckIns(keyResultId: string): Promise<CheckIn[]> {
    return this.db.read(async (m) => {
      await findKeyResult(m, keyResultId);
      const rows = await m.find(CheckInEntity, {
        where: { keyResultId },
        order: { at: 'DESC', createdAt: 'DESC', id: 'DESC' },
      });
      return toCheckInDtos(m, rows);
    });
  }

  /**
   * A check-in is appended, never edited. It may be for an earlier moment
   * (`at`: within the KR's quarter, not in the future): the KR's current
   * value is that of the check-in for the latest moment, so a number
   * recorded late never overwrites a newer one. The KR's audit trail records
   * the move with both times, so its history reads in one place.
   */
  async checkIn(actor: Actor, keyResultId: string, input: z.output<typeof CreateCheckInSchema>): Promise<CheckIn> {
    // Read before the write: counting a KR's open items in SQL inside it held the write lock
    // for tens of milliseconds at 100,000 items, and a check-in moves no item.
    const openItemCounts = await this.hooks.openItemCounts?.();
    const checkIn = await this.db.write(async (m) => {
      const kr = await findKeyResult(m, keyResultId);
      const cycle = await findCycle(m, (await findObjective(m, kr.objectiveId)).cycleId);
      assertCycleOpen(cycle);
      const createdAt = nowIso();
      // Only a moment given explicitly must lie in the quarter: "now" may be a
      // few days past its end (final numbers come in before the close) or
      // before its start (a baseline while planning), as it always could.
      if (input.at !== undefined) assertCheckInMoment(input.at, createdAt, cycle);
      const at = input.at ?? createdAt;
      const before = one(await toKeyResultDtos(m, [kr], openItemCounts));
      const row: CheckInEntity = {
        id: randomUUID(),
        keyResultId,
        value: input.value,
        confidence: input.confidence,
        note: input.note,
        authorId: actor.id || null,
        at,
        createdAt,
      };
      await m.insert(CheckInEntity, row);
      const latest = (await latestCheckIns(m, [keyResultId])).get(keyResultId);
      await m
        .createQueryBuilder()
        .update(KeyResultEntity)
        .set({ currentValue: latest?.value ?? input.value, updatedAt: createdAt, version: () => 'version + 1' })
        .where('id = :id', { id: keyResultId })
        .execute();
      // A check-in moves no backlog item: the open-item count just read still holds.
      const after = one(
        await toKeyResultDtos(m, [await findKeyResult(m, keyResultId)], new Map([[keyResultId, before.openItemCount]])),
      );
      await recordAudit(m, actor, 'keyResult', keyResultId, 'update', before, { ...after, checkIn: { ...row } });
      await this.hooks.events?.checkInCreated(m, row, await findKeyResult(m, keyResultId), kr.currentValue);
      return one(await toCheckInDtos(m, [row]));
    });
    await this.hooks.afterCheckIn?.();
    return checkIn;
  }
}

/** A clock a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 60_000;

/** A check-in's moment lies within its cycle (start 00:00 UTC to the end of the last day) and not in the future. */
function assertCheckInMoment(at: string, now: string, cycle: { startsOn: string; endsOn: string }): void {
  const ms = Date.parse(at);
  if (ms > Date.parse(now) + CLOCK_SKEW_MS) throw invalidField('at', 'A check-in cannot be for a moment in the future');
  const start = Date.parse(`${cycle.startsOn}T00:00:00.000Z`);
  const end = Date.parse(`${cycle.endsOn}T00:00:00.000Z`) + DAY_MS;
  if (ms < start || ms >= end) {
    throw invalidField('at', `Must be within the key result's quarter (${cycle.startsOn} to ${cycle.endsOn})`);
  }
}

export async function findKeyResult(m: EntityManager, id: string): Promise<KeyResultEntity> {
  const row = await m.findOneBy(KeyResultEntity, { id, deletedAt: IsNull() });
  if (!row) throw notFound('Key result');
  return row;
}

async function assertKeyResultEditable(m: EntityManager, kr: KeyResultEntity): Promise<void> {
  const objective = await findObjective(m, kr.objectiveId);
  assertCycleOpen(await findCycle(m, objective.cycleId));
}

async function assertOwner(m: EntityManager, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await m.existsBy(UserEntity, { id: ownerId }))) throw invalidField('ownerId', 'No such user');
}

function one<T>(list: T[]): T {
  return list[0] as T;
}
