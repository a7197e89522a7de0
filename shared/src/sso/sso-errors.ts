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
