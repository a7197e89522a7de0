import { isSsoErrorCode, SSO_ERRORS } from '@keyline/shared/core';

/** The message for `/signin?sso_error=…&request_id=…`, or null when the URL carries none. */
export function ssoErrorFrom(search: string): { message: string; requestId: string | null } | null {
  const params = new URLSearchParams(search);
  const code = params.get('sso_error');
  if (!code) return null;
  const requestId = params.get('request_id');
  return {
    message: isSsoErrorCode(code) ? SSO_ERRORS[code] : SSO_ERRORS.unexpected,
    requestId: requestId && /^[\w-]{1,64}$/.test(requestId) ? requestId : null,
  };
}

/** Where the provider should bring the person back: the page they opened, never the sign-in page itself. */
export function returnToFrom(pathname: string, search: string): string {
  if (pathname === '/' || pathname.startsWith('/signin')) return '/backlog';
  return `${pathname}${search}`;
}
