import { randomUUID } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import { CreateCycleSchema, type Cycle, type CycleStatus, type UpdateCycleInput } from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { lockForRuleCheck } from '../../db/table-lock';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, invalidField, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { hasLiveObjectives, purgeDeletedObjectives } from '../objectives/in-use';
import { CycleEntity } from './cycle.entity';

export const toCycleDto = (c: CycleEntity): Cycle => ({
  id: c.id,
  name: c.name,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  status: c.status,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export class CycleService {
  constructor(private readonly db: Database) {}

  list(): Promise<Cycle[]> {
    return this.db.read(async (m) => (await m.find(CycleEntity, { order: { startsOn: 'DESC' } })).map(toCycleDto));
  }

  get(id: string): Promise<Cycle> {
    return this.db.read(async (m) => toCycleDto(await findCycle(m, id)));
  }

  create(actor: Actor, input: z.output<typeof CreateCycleSchema>): Promise<Cycle> {
    return this.db.write(async (m) => {
      await lockForRuleCheck(m, 'cycles');
      await assertNameFree(m, input.name);
      if (input.status === 'active') await assertNoOtherActive(m);
      const now = nowIso();
      const row: CycleEntity = { id: randomUUID(), ...input, version: 1, createdAt: now, updatedAt: now };
      await m.insert(CycleEntity, row);
      const dto = toCycleDto(row);
      await recordAudit(m, actor, 'cycle', row.id, 'create', null, dto);
      return dto;
    });
  }

  /** planning → active → closed; at most one active. Reopening a closed cycle is not allowed. */
  update(actor: Actor, id: string, version: number, input: UpdateCycleInput): Promise<Cycle> {
    return this.db.write(async (m) => {
      await lockForRuleCheck(m, 'cycles');
      const { before, after } = await updateVersioned(
        m,
        CycleEntity,
        'Cycle',
        id,
        version,
        async (current) => {
          if (input.name !== undefined) await assertNameFree(m, input.name, id);
          if (current.status === 'closed' && (input.status ?? 'closed') !== 'closed') {
            throw new AppError('CONFLICT', 'A closed cycle cannot be reopened');
          }
          if (current.status === 'closed' && (input.startsOn || input.endsOn || input.name)) {
            throw new AppError('CONFLICT', 'A closed cycle is read-only');
          }
          if (input.status && input.status !== current.status) assertTransition(current.status, input.status);
          if (input.status === 'active' && current.status !== 'active') await assertNoOtherActive(m);
          const startsOn = input.startsOn ?? current.startsOn;
          const endsOn = input.endsOn ?? current.endsOn;
          if (endsOn <= startsOn) throw invalidField('endsOn', 'Must end after it starts');
          return { ...input };
        },
        toCycleDto,
      );
      const dto = toCycleDto(after);
      await recordAudit(m, actor, 'cycle', id, 'update', toCycleDto(before), dto);
      return dto;
    });
  }

  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      if (await hasLiveObjectives(m, { cycleId: id })) {
        throw new AppError('IN_USE', 'This cycle has objectives; delete them first');
      }
      await purgeDeletedObjectives(m, id);
      const before = await deleteVersioned(m, CycleEntity, 'Cycle', id, version, toCycleDto);
      await recordAudit(m, actor, 'cycle', id, 'delete', toCycleDto(before), null);
    });
  }
}

export async function findCycle(m: EntityManager, id: string): Promise<CycleEntity> {
  const cycle = await m.findOneBy(CycleEntity, { id });
  if (!cycle) throw notFound('Cycle');
  return cycle;
}

/** Objectives, KRs and check-ins of a closed cycle are frozen. */
export function assertCycleOpen(cycle: CycleEntity): void {
  if (cycle.status === 'closed') {
    throw new AppError('CONFLICT', `${cycle.name} is closed, so its objectives and key results are read-only`);
  }
}

const ORDER: Record<CycleStatus, number> = { planning: 0, active: 1, closed: 2 };

function assertTransition(from: CycleStatus, to: CycleStatus): void {
  if (ORDER[to] < ORDER[from]) throw new AppError('CONFLICT', `A cycle cannot go back from ${from} to ${to}`);
}

async function assertNoOtherActive(m: EntityManager): Promise<void> {
  const active = await m.findOneBy(CycleEntity, { status: 'active' });
  if (active) {
    throw new AppError(
      'ACTIVE_CYCLE_EXISTS',
      `${active.name} is already active; close it before activating another cycle`,
    );
  }
}

async function assertNameFree(m: EntityManager, name: string, exceptId?: string): Promise<void> {
  if (await m.existsBy(CycleEntity, { name, ...(exceptId ? { id: Not(exceptId) } : {}) })) {
    throw new AppError('DUPLICATE', `A cycle named ${name} already exists`, {
      issues: [{ path: ['name'], message: 'Already in use' }],
    });
  }
}
