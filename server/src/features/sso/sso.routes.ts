import type { Request, Response } from 'express';
import { SignInOptionsSchema, SsoSettingsSchema } from '@keyline/shared';
import { z } from 'zod';
import { clearSessionCookie, readCookie, readSessionCookie, setSessionCookie } from '../../auth/cookies';
import type { SessionService } from '../../auth/session.service';
import { AppError } from '../../http/app-error';
import { defineRoute } from '../../http/route';
import { SsoFailure } from './oidc-client';
import type { OidcService } from './oidc.service';

/** Binds a sign-in to the browser that started it: the callback's state must equal this cookie. */
const STATE_COOKIE = 'keyline_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

export function ssoRoutes(oidc: OidcService, sessions: SessionService) {
  const tag = 'single-sign-on';
  const requireSso = () => {
    if (!oidc.enabled) throw new AppError('NOT_FOUND', 'Single sign-on is not set up on this Keyline');
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/sign-in-options',
      access: 'public',
      tag,
      summary: 'How people sign in here: the identity provider (if any) and whether passwords are accepted',
      response: SignInOptionsSchema,
      handler: async () => oidc.signInOptions(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/start',
      access: 'public',
      tag,
      summary: 'Redirects to the identity provider (authorization code flow with PKCE, state and nonce)',
      query: z.object({ returnTo: z.string().max(500).optional() }),
      handler: async ({ query, req, res }) => {
        requireSso();
        try {
          const { url, state } = await oidc.start(query.returnTo);
          res.cookie(STATE_COOKIE, state, {
            httpOnly: true,
            sameSite: 'lax',
            secure: req.secure,
            path: STATE_COOKIE_PATH,
            maxAge: 10 * 60_000,
          });
          res.redirect(302, url);
        } catch (error) {
          failSignIn(req, res, error);
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/oidc/callback',
      access: 'public',
      tag,
      summary: 'Where the identity provider returns: checks, signs in, and redirects to the page asked for',
      handler: async ({ req, res }) => {
        requireSso();
        const cookieState = readCookie(req, STATE_COOKIE);
        res.clearCookie(STATE_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: STATE_COOKIE_PATH });
        try {
          const { token, returnTo } = await oidc.callback(
            req.query as Record<string, unknown>,
            cookieState,
            req.get('user-agent'),
          );
          // Exactly as a password sign-in: the old session ends, a new id is issued with the same timeouts.
          const previous = readSessionCookie(req);
          if (previous) await sessions.destroy(previous);
          setSessionCookie(req, res, token, sessions.absoluteMs);
          res.redirect(302, returnTo);
        } catch (error) {
          failSignIn(req, res, error);
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/oidc/logout',
      access: 'public',
      tag,
      summary: 'Signs out; answers the identity provider’s end-session URL when the session came from it',
      response: z.object({ redirectTo: z.string().nullable() }),
      handler: async ({ req, res }) => {
        const token = readSessionCookie(req);
        const redirectTo = token ? await oidc.endSessionUrl(token) : null;
        if (token) await sessions.destroy(token);
        clearSessionCookie(req, res);
        return { redirectTo };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sso/settings',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'How single sign-on and SCIM are set up (from the environment)',
      response: SsoSettingsSchema,
      handler: async () => oidc.settings(),
    }),
  ];
}

/**
 * Back to the sign-in page with a reason a person understands and the
 * request id to quote; the details go to the log under the same id.
 */
function failSignIn(req: Request, res: Response, error: unknown): void {
  const reason = error instanceof SsoFailure ? error.reason : 'unexpected';
  if (error instanceof SsoFailure) {
    req.log.warn({ event: 'oidc-failed', reason, detail: error.message, err: error.cause }, 'single sign-on failed');
  } else {
    req.log.error({ event: 'oidc-failed', reason, err: error }, 'single sign-on failed unexpectedly');
  }
  const requestId = String(res.getHeader('X-Request-Id') ?? '');
  res.redirect(302, `/signin?sso_error=${reason}&request_id=${encodeURIComponent(requestId)}`);
}
