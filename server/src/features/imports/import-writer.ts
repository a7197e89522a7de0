import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../http/app-error';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { RANK_STEP, rankAtBottom } from '../backlog/backlog-rank';
import { insertRows, updateVersionedRows } from './bulk-sql';
import type { ImportPlan } from './import-plan';

/** Every field an import can change; an update writes them all (unchanged ones with their current value). */
const UPDATABLE = [
  'title',
  'description',
  'type',
  'status',
  'labels',
  'teamId',
  'reach',
  'impact',
  'confidence',
  'effort',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'ease',
] as const;

/**
 * Writes a plan inside the caller's transaction: new items in file order
 * after the current bottom of the backlog; updates conditional on the
 * version the plan read (a concurrent edit fails the whole import instead of
 * being silently overwritten); one audit event per item, like a hand edit,
 * so an item's history shows the import. All in multi-row statements.
 */
export async function writeImportPlan(m: EntityManager, actor: Actor, plan: ImportPlan, now: string): Promise<void> {
  const bottom = await rankAtBottom(m);
  const created: BacklogItemEntity[] = plan.creates.map(({ item }, i) => ({ ...item, rank: bottom + i * RANK_STEP }));
  await insertRows(m, BacklogItemEntity, created);

  const updated = await updateVersionedRows(
    m,
    BacklogItemEntity,
    UPDATABLE,
    plan.updates.map(({ before, changes }) => ({
      id: before.id,
      version: before.version,
      values: { ...before, ...changes },
    })),
    now,
  );
  if (updated !== plan.updates.length) {
    throw new AppError(
      'CONFLICT',
      'Some of these items were changed while the file was being imported; nothing was imported. Try again.',
    );
  }

  const audit = (entityId: string, action: 'create' | 'update', before: unknown, after: unknown): AuditEventEntity => ({
    id: randomUUID(),
    at: now,
    actorId: actor.id || null,
    actorName: actor.name,
    entity: 'backlogItem',
    entityId,
    action,
    before,
    after,
  });
  await insertRows(m, AuditEventEntity, [
    ...created.map((item) => audit(item.id, 'create', null, { ...item, links: [] })),
    ...plan.updates.map(({ before, changes }) =>
      audit(before.id, 'update', pick(before, Object.keys(changes)), { ...changes, version: before.version + 1 }),
    ),
  ]);
}

function pick(row: BacklogItemEntity, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (row as unknown as Record<string, unknown>)[f]]));
}
