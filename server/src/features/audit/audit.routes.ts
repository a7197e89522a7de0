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
      summary: 'The audit trail, newest first, filtered by entity and id',
      query: AuditListQuerySchema,
      response: pageSchema(AuditEventSchema),
      handler: ({ query }) => audit.list(query),
    }),
  ];
}
