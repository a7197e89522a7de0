import * as oidc from 'openid-client';
import type { SsoErrorCode } from '@keyline/shared';
import type { Config } from '../../config';

/** A sign-in failure with the reason the sign-in page shows; `cause` is only logged. */
export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoErrorCode,
    detail: string,
    override readonly cause?: unknown,
  ) {
    super(detail);
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The provider as openid-client sees it, discovered once from the issuer
 * (and again after a failure, so a provider that was down at start is
 * picked up when it returns).
 */
export class OidcProvider {
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: Config) {}

  get redirectUri(): string {
    return `${this.config.PUBLIC_URL}/api/auth/oidc/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.PUBLIC_URL}/signin`;
  }

  async configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover();
    try {
      return await this.discovered;
    } catch (error) {
      this.discovered = undefined;
      throw new SsoFailure('provider_unavailable', 'OpenID discovery failed', error);
    }
  }

  private async discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.config.OIDC_ISSUER as string);
    const secret = this.config.OIDC_CLIENT_SECRET;
    return oidc.discovery(
      issuer,
      this.config.OIDC_CLIENT_ID as string,
      undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      {
        // Plain http only for a provider on this machine (development and tests).
        ...(issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) && { execute: [oidc.allowInsecureRequests] }),
        timeout: 10,
      },
    );
  }

  /** Where to send the browser, with PKCE (S256), state and nonce. */
  async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const configuration = await this.configuration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
  }

  /**
   * Exchanges the code and checks the ID token (signature, issuer, audience,
   * expiry, nonce) through openid-client. Each failure becomes a reason a
   * person can act on.
   */
  async exchange(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: oidc.IDToken; idToken: string }> {
    const configuration = await this.configuration();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(error);
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new SsoFailure('invalid_token', 'No ID token in the token response');
    return { claims, idToken: tokens.id_token };
  }

  /** The provider's end-session URL for this ID token, or null when it offers none. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: this.postLogoutRedirectUri,
      })
      .toString();
  }
}

function classify(error: unknown): SsoFailure {
  if (error instanceof oidc.AuthorizationResponseError) {
    const denied = error.error === 'access_denied' || error.error === 'consent_required';
    return new SsoFailure(denied ? 'denied' : 'provider_refused', `Authorization error: ${error.error}`, error);
  }
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.WWWAuthenticateChallengeError) {
    return new SsoFailure('provider_refused', 'The token endpoint refused the code', error);
  }
  const code = (error as { code?: string }).code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_TIMEOUT' || error instanceof TypeError) {
    return new SsoFailure('provider_unavailable', 'The token endpoint could not be reached', error);
  }
  // Everything else is a check on the ID token or the response that failed: state, nonce, iss, aud, exp, signature.
  return new SsoFailure('invalid_token', `The provider's answer failed a check (${code ?? 'unknown'})`, error);
}
