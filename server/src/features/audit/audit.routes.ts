import {
  AuditEventSchema,
  AuditListQuerySchema,
  pageSchema,
  type AuditEvent,
  type AuditListQuery,
  type Page,
} from '@keyline/shared';
import type { Database } from '../../db/database';
import { defineRoute } from '../../http/route';
import { decodeCursor, encodeCursor } from '../backlog/backlog.query';
import { AuditEventEntity } from './audit-event.entity';

export class AuditService {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  list(query: AuditListQuery): Promise<Page<AuditEvent>> {
    const offset = decodeCursor(query.cursor);
    return this.db.read(async (m) => {
      const where = {
        ...(query.entity && { entity: query.entity }),
        ...(query.entityId && { entityId: query.entityId }),
      };
      const [rows, total] = await m.findAndCount(AuditEventEntity, {
        where,
        order: { at: 'DESC', id: 'ASC' },
        skip: offset,
        take: query.limit,
      });
      const next = offset + rows.length;
      return { items: rows.map((r) => ({ ...r })), total, nextCursor: next < total ? encodeCursor(next) : null };
    });
  }
}

export function auditRoutes(audit: AuditService) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit-events',
      access: 'viewer',
      tag: 'audit',
      summary: 'The audit trail, newest first, filtered by entity and id',
      query: AuditListQuerySchema,
      response: pageSchema(AuditEventSchema),
      handler: ({ query }) => audit.list(query),
    }),
  ];
}
