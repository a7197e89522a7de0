import { parseRoleMap, RoleSchema, type Role } from '@keyline/shared';
import { z } from 'zod';

/**
 * The single sign-on part of the environment (docs/SSO.md). Merged into
 * server/src/config.ts's schema so it is validated once, at start, with the
 * rest.
 */
export const SSO_ENV = {
  /** The provider's issuer URL; discovery reads `${OIDC_ISSUER}/.well-known/openid-configuration`. Unset: SSO is off. */
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, message: 'must be the issuer URL, e.g. https://acme.okta.com' })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  /** Omit for a public client (PKCE only); most providers give confidential clients a secret. */
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((v) => v.split(/\s+/).includes('openid'), { message: 'must include openid' }),
  /** Comma-separated e-mail domains that may sign in (example.com,example.org); empty: any verified e-mail. */
  OIDC_ALLOWED_DOMAINS: z.string().default(''),
  /** The role of a user no mapped group names. */
  OIDC_DEFAULT_ROLE: RoleSchema.default('viewer'),
  /** The ID-token claim that lists the user's groups, e.g. `groups`; unset: roles are not managed by the provider. */
  OIDC_ROLES_CLAIM: z.string().trim().min(1).max(200).optional(),
  /** Group name=role pairs, comma-separated: `keyline-admins=admin,product=editor`. Also used by SCIM groups. */
  OIDC_ROLE_MAP: z.string().default(''),
  /** What the sign-in button says: "Sign in with <name>". */
  OIDC_PROVIDER_NAME: z.string().trim().min(1).max(60).default('single sign-on'),
  /** `on`: everyone may use a password; `admins`: only admins (break-glass); `off`: nobody. */
  PASSWORD_SIGN_IN: z.enum(['on', 'admins', 'off']).default('on'),
};

type SsoEnv = z.output<z.ZodObject<typeof SSO_ENV>> & { PUBLIC_URL?: string };

/** Problems no single field's schema can see, one line each (empty when fine). */
export function checkSsoConfig(env: SsoEnv): string[] {
  const problems: string[] = [];
  if (env.OIDC_ISSUER) {
    if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
    if (!env.PUBLIC_URL)
      problems.push('PUBLIC_URL: required with OIDC_ISSUER (the redirect URI is PUBLIC_URL/api/auth/oidc/callback)');
  }
  if (env.PASSWORD_SIGN_IN !== 'on' && !env.OIDC_ISSUER) {
    problems.push(`PASSWORD_SIGN_IN: '${env.PASSWORD_SIGN_IN}' needs OIDC_ISSUER, or nobody could sign in`);
  }
  try {
    parseRoleMap(env.OIDC_ROLE_MAP);
  } catch (error) {
    problems.push(`OIDC_ROLE_MAP: ${(error as Error).message}`);
  }
  for (const domain of parseDomains(env.OIDC_ALLOWED_DOMAINS)) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))
      problems.push(`OIDC_ALLOWED_DOMAINS: '${domain}' is not a domain like example.com`);
  }
  return problems;
}

export function parseDomains(text: string): string[] {
  return text
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
}

/** PASSWORD_SIGN_IN: `admins` keeps a break-glass password sign-in for admins while SSO is on. */
export function passwordSignInAllowed(config: { PASSWORD_SIGN_IN: 'on' | 'admins' | 'off' }, role: Role): boolean {
  return config.PASSWORD_SIGN_IN === 'on' || (config.PASSWORD_SIGN_IN === 'admins' && role === 'admin');
}
