import { AuditEventSchema, AuditListQuerySchema, pageSchema } from '@keyline/shared';
import { defineRoute } from '../../http/route';
import type { AuditService } from './audit.service';

export function auditRoutes(audit: AuditService) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit-events',
      access: 'viewer',
      tag: 'audit',
      summary:
        'The audit trail, newest first, filtered by entity and id; entries about users, API tokens, share links and connections for an admin’s session only',
      query: AuditListQuerySchema,
      response: pageSchema(AuditEventSchema),
      handler: ({ actor, query }) => audit.list(actor, query),
    }),
  ];
}
