import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { LessThan } from 'typeorm';
import { parseRoleMap, type Role, type SignInOptions, type SsoSettings } from '@keyline/shared';
import type { Logger } from 'pino';
import { hashToken, type SessionService } from '../../auth/session.service';
import type { Config } from '../../config';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { OidcProvider, SsoFailure } from './oidc-client';
import { provisionFromClaims } from './oidc-provisioning';
import { parseDomains } from './sso.config';
import { OidcLoginStateEntity, SsoSessionEntity } from './sso.entities';

/** How long a sign-in may sit at the provider's login page. */
const STATE_TTL_MS = 10 * 60_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A path on this site to return to after sign-in; anything else becomes /backlog. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/backlog';
  // One leading slash, no scheme, no protocol-relative `//host` or `/\host`, no control characters.
  if (!/^\/(?![/\\])[^\s\\]*$/.test(value) || value.startsWith('/api/')) return '/backlog';
  return value;
}

/**
 * OpenID Connect sign-in: authorization code flow with PKCE (S256), state
 * and nonce, through openid-client. The callback opens a session with the
 * same SessionService as a password sign-in.
 */
export class OidcService {
  private readonly provider?: OidcProvider;
  readonly roleMap: ReadonlyMap<string, Role>;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly config: Config,
    private readonly log: Logger,
  ) {
    if (config.OIDC_ISSUER) this.provider = new OidcProvider(config);
    this.roleMap = parseRoleMap(config.OIDC_ROLE_MAP);
  }

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  signInOptions(): SignInOptions {
    return {
      sso: this.provider ? { providerName: this.config.OIDC_PROVIDER_NAME } : null,
      passwordSignIn: this.config.PASSWORD_SIGN_IN,
    };
  }

  settings(): SsoSettings {
    const c = this.config;
    const base = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
    return {
      oidc:
        this.provider && c.OIDC_ISSUER && c.OIDC_CLIENT_ID
          ? {
              issuer: c.OIDC_ISSUER,
              clientId: c.OIDC_CLIENT_ID,
              providerName: c.OIDC_PROVIDER_NAME,
              redirectUri: this.provider.redirectUri,
              postLogoutRedirectUri: this.provider.postLogoutRedirectUri,
              scopes: c.OIDC_SCOPES,
              allowedDomains: parseDomains(c.OIDC_ALLOWED_DOMAINS),
              defaultRole: c.OIDC_DEFAULT_ROLE,
              rolesClaim: c.OIDC_ROLES_CLAIM ?? null,
              roleMap: [...this.roleMap].map(([group, role]) => ({ group, role })),
            }
          : null,
      passwordSignIn: c.PASSWORD_SIGN_IN,
      scimBaseUrl: `${base}/scim/v2`,
    };
  }

  private requireProvider(): OidcProvider {
    if (!this.provider) throw new SsoFailure('not_configured', 'OIDC_ISSUER is not set');
    return this.provider;
  }

  /** Remembers the checks for the callback and returns the provider URL and the state for the browser's cookie. */
  async start(returnTo: unknown): Promise<{ url: string; state: string }> {
    const provider = this.requireProvider();
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = await provider.authorizationUrl(checks);
    await this.db.write(async (m) => {
      await m.delete(OidcLoginStateEntity, { createdAt: LessThan(new Date(Date.now() - STATE_TTL_MS).toISOString()) });
      await m.insert(OidcLoginStateEntity, {
        stateHash: sha256(checks.state),
        codeVerifier: checks.codeVerifier,
        nonce: checks.nonce,
        returnTo: safeReturnTo(returnTo),
        createdAt: nowIso(),
      });
    });
    return { url: url.toString(), state: checks.state };
  }

  /**
   * Finishes a sign-in. The state must match the browser's cookie and a
   * stored, unexpired, unused sign-in (it is deleted here, so a replay
   * fails); then the code is exchanged and the ID token checked; only then
   * is anything written.
   */
  async callback(
    query: Record<string, unknown>,
    cookieState: string | undefined,
    userAgent: string | undefined,
  ): Promise<{ token: string; returnTo: string; userId: string }> {
    const provider = this.requireProvider();
    const state = typeof query.state === 'string' ? query.state : '';
    if (!state || !cookieState || state !== cookieState) {
      throw new SsoFailure('state_mismatch', 'The state does not match this browser’s sign-in');
    }
    const stored = await this.db.write(async (m) => {
      const row = await m.findOneBy(OidcLoginStateEntity, { stateHash: sha256(state) });
      if (row) await m.delete(OidcLoginStateEntity, { stateHash: row.stateHash });
      return row;
    });
    if (!stored || Date.parse(stored.createdAt) < Date.now() - STATE_TTL_MS) {
      throw new SsoFailure('state_mismatch', 'The state is unknown, used or expired');
    }
    const callbackUrl = new URL(provider.redirectUri);
    for (const [key, value] of Object.entries(query))
      if (typeof value === 'string') callbackUrl.searchParams.set(key, value);
    const { claims, idToken } = await provider.exchange(callbackUrl, {
      state,
      nonce: stored.nonce,
      codeVerifier: stored.codeVerifier,
    });
    const user = await provisionFromClaims(this.db, this.config, this.roleMap, claims);
    const token = await this.sessions.create(user.id, userAgent);
    await this.db.write((m) =>
      m.insert(SsoSessionEntity, { tokenHash: hashToken(token), idToken, createdAt: nowIso() }),
    );
    this.log.info({ event: 'oidc-login', userId: user.id, created: user.created }, 'single sign-on succeeded');
    return { token, returnTo: stored.returnTo, userId: user.id };
  }

  /**
   * The provider's end-session URL for a session opened through it (null for
   * password sessions, or when the provider offers none). Call before the
   * session is destroyed: the ID token goes with it.
   */
  async endSessionUrl(sessionToken: string): Promise<string | null> {
    if (!this.provider) return null;
    const row = await this.db.read((m) => m.findOneBy(SsoSessionEntity, { tokenHash: hashToken(sessionToken) }));
    if (!row) return null;
    try {
      return await this.provider.endSessionUrl(row.idToken);
    } catch (error) {
      this.log.warn(
        { event: 'oidc-logout', err: error },
        'provider unreachable at sign-out; Keyline session ended only',
      );
      return null;
    }
  }
}
