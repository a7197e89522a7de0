import { z } from 'zod';
import { IdSchema, NameSchema } from '../common/primitives';

export const PASSWORD_SIGN_IN_MODES = ['on', 'admins', 'off'] as const;
export const PasswordSignInSchema = z.enum(PASSWORD_SIGN_IN_MODES);
export type PasswordSignIn = z.infer<typeof PasswordSignInSchema>;

/** What the sign-in page needs before anyone is signed in. */
export const SignInOptionsSchema = z.object({
  sso: z.object({ providerName: z.string() }).nullable(),
  passwordSignIn: PasswordSignInSchema,
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/** Settings → Single sign-on: how this Keyline is set up (from the environment; read-only in the app). */
export const SsoSettingsSchema = z.object({
  oidc: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      providerName: z.string(),
      redirectUri: z.string(),
      postLogoutRedirectUri: z.string(),
      scopes: z.string(),
      allowedDomains: z.array(z.string()),
      defaultRole: z.string(),
      rolesClaim: z.string().nullable(),
      roleMap: z.array(z.object({ group: z.string(), role: z.string() })),
    })
    .nullable(),
  passwordSignIn: PasswordSignInSchema,
  scimBaseUrl: z.string(),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;

export const ScimTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScimToken = z.infer<typeof ScimTokenSchema>;

export const CreateScimTokenSchema = z.strictObject({ name: NameSchema });
export type CreateScimTokenInput = z.infer<typeof CreateScimTokenSchema>;

/** The secret is in this response only; Keyline keeps just its hash. */
export const CreatedScimTokenSchema = ScimTokenSchema.extend({ token: z.string() });
export type CreatedScimToken = z.infer<typeof CreatedScimTokenSchema>;

export { isSsoErrorCode, SSO_ERRORS, type SsoErrorCode } from './sso-errors';
