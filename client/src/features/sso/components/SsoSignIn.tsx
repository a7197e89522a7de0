import type { SignInOptions } from '@keyline/shared';
import { returnToFrom, ssoErrorFrom } from '../utils/sso-error';

/**
 * "Sign in with <provider>" first, when single sign-on is set up; any
 * failure the callback reported, in words, with the request id to quote.
 */
export function SsoSignIn({ options }: { options: SignInOptions | undefined }) {
  const failure = ssoErrorFrom(window.location.search);
  const returnTo = returnToFrom(window.location.pathname, window.location.search);
  return (
    <>
      {failure && (
        <div role="alert" className="signin-failure">
          <p>{failure.message}</p>
          {failure.requestId && <p className="meta">Reference for your admin: {failure.requestId}</p>}
        </div>
      )}
      {options?.sso && (
        <a
          className="button primary signin-sso"
          href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
          autoFocus
        >
          Sign in with {options.sso.providerName}
        </a>
      )}
      {options?.sso && options.passwordSignIn !== 'off' && (
        <p className="signin-or" aria-hidden="true">
          <span>or</span>
        </p>
      )}
      {options?.sso && options.passwordSignIn === 'admins' && (
        <p className="meta">Password sign-in is kept for admins only.</p>
      )}
    </>
  );
}
