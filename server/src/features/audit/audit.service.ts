import type { AuditEvent, AuditListQuery, Page } from '@keyline/shared';
import type { Database } from '../../db/database';
import { decodeCursor, encodeCursor } from '../../http/paging';
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
