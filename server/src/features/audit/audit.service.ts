import { In, Not } from 'typeorm';
import { ADMIN_AUDIT_ENTITIES, type AuditEvent, type AuditListQuery, type Page } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import { decodeCursor, encodeCursor } from '../../http/paging';
import { AuditEventEntity } from './audit-event.entity';

const ADMIN_ONLY: ReadonlySet<string> = new Set(ADMIN_AUDIT_ENTITIES);

/** Entries about accounts and credentials are read as `/api/users` is: by an admin's signed-in session. */
const readsAdminEntries = (actor: Actor) => actor.role === 'admin' && actor.via === 'session';

export class AuditService {
  constructor(private readonly db: Database) {}

  /** Newest first; without an admin's session, entries about accounts and credentials are not there. */
  list(actor: Actor, query: AuditListQuery): Promise<Page<AuditEvent>> {
    const everything = readsAdminEntries(actor);
    if (!everything && query.entity && ADMIN_ONLY.has(query.entity)) {
      throw new AppError(
        'FORBIDDEN',
        'Audit entries about users, API tokens, share links and connections need an admin’s signed-in session',
      );
    }
    const offset = decodeCursor(query.cursor);
    return this.db.read(async (m) => {
      const entity = query.entity ?? (everything ? undefined : Not(In([...ADMIN_AUDIT_ENTITIES])));
      const base = {
        ...(entity && { entity }),
        ...(query.entityId && { entityId: query.entityId }),
      };
      // `about`: the row's own entries and those filed under it (a KR's comments).
      const where = query.about
        ? [
            { ...base, entityId: query.about },
            { ...base, parentId: query.about },
          ]
        : base;
      const [rows, total] = await m.findAndCount(AuditEventEntity, {
        where,
        order: { at: 'DESC', id: 'ASC' },
        skip: offset,
        take: query.limit,
      });
      const next = offset + rows.length;
      return {
        items: rows.map((r) => ({ ...r, parentId: r.parentId ?? null })),
        total,
        nextCursor: next < total ? encodeCursor(next) : null,
      };
    });
  }
}
