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

/** Why an OIDC sign-in failed, as the callback puts it in `/signin?sso_error=`; the page shows the message. */
export const SSO_ERRORS = {
  provider_unavailable: 'The identity provider could not be reached. Try again in a minute, or tell your admin.',
  provider_refused: 'The identity provider refused the sign-in. Your admin may need to check the Keyline app there.',
  denied: 'Sign-in was cancelled at the identity provider.',
  state_mismatch: 'That sign-in link was already used or has expired. Start again.',
  invalid_token: 'The identity provider’s answer could not be verified. Start again, or tell your admin.',
  email_unverified: 'Your identity provider did not confirm your e-mail address, so Keyline cannot sign you in.',
  domain_not_allowed: 'Your e-mail domain is not allowed to sign in to this Keyline. Ask your admin.',
  disabled: 'Your Keyline account is disabled. Ask an admin.',
  already_linked:
    'Your e-mail address is already linked to a different sign-in at your identity provider. Ask an admin.',
  not_configured: 'Single sign-on is not set up on this Keyline.',
  unexpected: 'Something went wrong while signing you in. Try again; if it keeps failing, tell your admin.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;
export const isSsoErrorCode = (value: string): value is SsoErrorCode => Object.hasOwn(SSO_ERRORS, value);
