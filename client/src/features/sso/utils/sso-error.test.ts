import { describe, expect, it } from 'vitest';
import { returnToFrom, ssoErrorFrom } from './sso-error';

describe('single sign-on messages on the sign-in page', () => {
  it('turns the reason in the URL into a sentence and keeps a well-formed request id', () => {
    expect(ssoErrorFrom('?sso_error=domain_not_allowed&request_id=abc-123')).toEqual({
      message: 'Your e-mail domain is not allowed to sign in to this Keyline. Ask your admin.',
      requestId: 'abc-123',
    });
    expect(ssoErrorFrom('?sso_error=<script>&request_id=<b>')?.requestId).toBeNull();
    expect(ssoErrorFrom('?sso_error=<script>')?.message).toMatch(/Something went wrong/);
    expect(ssoErrorFrom('?team=a')).toBeNull();
  });

  it('returns to the page that was opened, not to the sign-in page', () => {
    expect(returnToFrom('/okrs', '?team=x')).toBe('/okrs?team=x');
    expect(returnToFrom('/signin', '?sso_error=denied')).toBe('/backlog');
    expect(returnToFrom('/', '')).toBe('/backlog');
  });
});
