import { z } from 'zod';
import { ROLES, type SessionUser } from './roles';

export { ROLE_RANK, ROLES, roleAtLeast, type Role, type SessionUser } from './roles';
export const RoleSchema = z.enum(ROLES);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters')
  .pipe(z.email({ message: 'Must be an email address' }));

/** ASVS: at least 12 characters, at most 128, no composition rules. */
export const PasswordSchema = z.string().min(12, 'At least 12 characters').max(128, 'At most 128 characters');

export const LoginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'Required').max(254),
  password: z.string().min(1, 'Required').max(128),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/** A signed-in user changes their own password: the current one proves it is them, not a borrowed session. */
export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Required').max(128),
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
}) satisfies z.ZodType<SessionUser>;
