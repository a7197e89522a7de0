import { z } from 'zod';
import { IdSchema, NameSchema, VersionSchema } from '../common/primitives';

export const SHARE_LINK_STATUSES = ['active', 'expired', 'revoked'] as const;
export const ShareLinkStatusSchema = z.enum(SHARE_LINK_STATUSES);
export type ShareLinkStatus = z.infer<typeof ShareLinkStatusSchema>;

/**
 * A read-only link to the leadership dashboard. The token is shown once at
 * creation and stored only as its SHA-256; it opens the active cycle's
 * dashboard at view time and nothing else.
 */
export const ShareLinkSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdById: IdSchema.nullable(),
  createdByName: z.string(),
  /** ISO timestamp; null = never expires. */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: ShareLinkStatusSchema,
  version: VersionSchema,
  createdAt: z.string(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const CreateShareLinkSchema = z.strictObject({
  name: NameSchema,
  /** ISO timestamp in the future (e.g. 2026-12-31T23:59:59Z) or omitted / null for no expiry. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Must be a date and time like 2026-12-31T23:59:59Z' })
    .nullable()
    .default(null),
});
export type CreateShareLinkInput = z.input<typeof CreateShareLinkSchema>;

/** The creation answer: the only time the token is ever sent. */
export const CreatedShareLinkSchema = ShareLinkSchema.extend({
  token: z.string(),
  /** The page to open, relative to the app's origin: `/shared/<token>`. */
  url: z.string(),
});
export type CreatedShareLink = z.infer<typeof CreatedShareLinkSchema>;

export const SharedDashboardQuerySchema = z.strictObject({ teamId: IdSchema.optional() });
export type SharedDashboardQuery = z.infer<typeof SharedDashboardQuerySchema>;
