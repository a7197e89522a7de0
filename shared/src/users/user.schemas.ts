import { z } from 'zod';
import { EmailSchema, PasswordSchema, RoleSchema } from '../auth/auth.schemas';
import { IdSchema, NameSchema, VersionSchema } from '../common/primitives';

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

/**
 * A member as every signed-in user sees them: enough to show and pick an
 * owner, nothing more (no e-mail, no role).
 */
export const MemberSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** False once disabled: still named on what they own, no longer offered as an owner. */
  active: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;

/** Invite a user. Without a password the server generates one and returns it once. */
export const CreateUserSchema = z.strictObject({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const CreatedUserSchema = UserSchema.extend({ generatedPassword: z.string().optional() });
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

export const UpdateUserSchema = z.strictObject({
  name: NameSchema.optional(),
  role: RoleSchema.optional(),
  disabled: z.boolean().optional(),
  password: PasswordSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;
