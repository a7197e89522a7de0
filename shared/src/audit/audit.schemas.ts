import { z } from 'zod';
import { IdSchema } from '../common/primitives';

export const AUDIT_ENTITIES = [
  'user',
  'team',
  'cycle',
  'objective',
  'keyResult',
  'checkIn',
  'backlogItem',
  'link',
  'setting',
  'apiToken',
  'shareLink',
  'webhook',
  'chatChannel',
  'comment',
  'notificationPreferences',
  'delivery',
  'scimToken',
  'scimGroup',
  'connection',
] as const;
export const AuditEntitySchema = z.enum(AUDIT_ENTITIES);

/**
 * Entries about accounts and credentials: e-mails, roles, token and link
 * names, webhook and tracker targets. Only an admin's signed-in session
 * reads them (as only it reads `/api/users`); everyone else, API tokens
 * included, gets 403 asking for them and never sees them in the trail.
 */
export const ADMIN_AUDIT_ENTITIES = [
  'user',
  'apiToken',
  'shareLink',
  'webhook',
  'chatChannel',
  'scimToken',
  'scimGroup',
  'connection',
] as const satisfies readonly (typeof AUDIT_ENTITIES)[number][];
export type AuditEntity = z.infer<typeof AuditEntitySchema>;

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEventSchema = z.object({
  id: IdSchema,
  at: z.string(),
  actorId: IdSchema.nullable(),
  actorName: z.string(),
  entity: AuditEntitySchema,
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The row whose trail also lists this entry: a comment's KR (or item); null for most entries. */
  parentId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditListQuerySchema = z.strictObject({
  entity: AuditEntitySchema.optional(),
  entityId: z.string().max(100).optional(),
  /** Entries about this row and those filed under it (a KR with its comments). */
  about: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
