import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../http/app-error';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { RANK_STEP, rankAtBottom } from '../backlog/backlog-rank';
import type { ImportPlan } from './import-plan';

/*
 * Both databases cap bound parameters per statement (SQLite 32,766,
 * PostgreSQL 65,535); 500 rows × ~22 columns stays far below either and
 * measured as fast as larger chunks.
 */
const CHUNK = 500;

/**
 * Writes a plan inside the caller's transaction: new items in file order
 * after the current bottom of the backlog, inserted in chunks; updates as
 * conditional UPDATEs on the version the plan read (a concurrent edit makes
 * the whole import fail, never silently lose that edit); one audit event per
 * item, like a hand edit, so an item's history shows the import.
 */
export async function writeImportPlan(m: EntityManager, actor: Actor, plan: ImportPlan, now: string): Promise<void> {
  const bottom = await rankAtBottom(m);
  const created: BacklogItemEntity[] = plan.creates.map(({ item }, i) => ({ ...item, rank: bottom + i * RANK_STEP }));
  for (let i = 0; i < created.length; i += CHUNK) await m.insert(BacklogItemEntity, created.slice(i, i + CHUNK));

  for (const { before, changes } of plan.updates) {
    const result = await m
      .createQueryBuilder()
      .update(BacklogItemEntity)
      .set({ ...changes, updatedAt: now, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: before.id, version: before.version })
      .execute();
    if (result.affected !== 1) {
      throw new AppError('CONFLICT', `${before.externalKey ?? before.title} was changed while the file was being imported; nothing was imported. Try again.`);
    }
  }

  const audit = (entityId: string, action: 'create' | 'update', beforeState: unknown, after: unknown) => ({
    id: randomUUID(),
    at: now,
    actorId: actor.id || null,
    actorName: actor.name,
    entity: 'backlogItem' as const,
    entityId,
    action,
    before: beforeState as never,
    after: after as never,
  });
  const events = [
    ...created.map((item) => audit(item.id, 'create', null, { ...item, links: [] })),
    ...plan.updates.map(({ before, changes }) =>
      audit(before.id, 'update', pick(before, Object.keys(changes)), { ...changes, version: before.version + 1 }),
    ),
  ];
  for (let i = 0; i < events.length; i += CHUNK) await m.insert(AuditEventEntity, events.slice(i, i + CHUNK));
}

function pick(row: BacklogItemEntity, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (row as unknown as Record<string, unknown>)[f]]));
}
