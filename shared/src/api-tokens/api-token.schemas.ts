import { z } from 'zod';
import { IdSchema, NameSchema } from '../common/primitives';

/** `read` tokens can only read (they act as a viewer); `write` tokens act with their owner's role. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  scope: ApiTokenScopeSchema,
  userId: IdSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenSchema = z.strictObject({
  name: NameSchema,
  scope: ApiTokenScopeSchema.default('read'),
  /** Optional end of life, e.g. 2027-03-31T00:00:00Z; must be in the future. */
  expiresAt: z.iso.datetime({ message: 'Must be a date-time like 2027-03-31T00:00:00Z' }).nullable().default(null),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

/** The secret is in this response only; Keyline keeps just its hash. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
