import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditAction, AuditEntity } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import { AuditEventEntity } from './audit-event.entity';

/**
 * Records a change. Call it with the transaction's manager so the change and
 * its record commit together. `parentId` files it under another row's trail
 * too (a comment under its KR), so that trail reads it in one query.
 */
export async function recordAudit(
  m: EntityManager,
  actor: Actor,
  entity: AuditEntity,
  entityId: string,
  action: AuditAction,
  before: unknown,
  after: unknown,
  parentId: string | null = null,
): Promise<void> {
  await m.insert(AuditEventEntity, {
    id: randomUUID(),
    at: nowIso(),
    actorId: actor.id || null,
    actorName: actor.name,
    entity,
    entityId,
    action,
    before: (before ?? null) as never,
    after: (after ?? null) as never,
    parentId,
  });
}
