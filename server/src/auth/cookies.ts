import type { Request, Response } from 'express';

/** The session cookie's name over plain http (development, tests, a private network). */
export const SESSION_COOKIE = 'keyline_session';
/**
 * Its name over https. Browsers accept a `__Host-` cookie only when it is
 * Secure, has Path=/ and no Domain, so neither a sibling subdomain nor a
 * plain-http page of the same host can set or shadow it (a planted session).
 */
export const SECURE_SESSION_COOKIE = '__Host-keyline_session';

/** The name in use for this request: https (directly or as a trusted proxy says) takes the prefix. */
export const sessionCookieName = (req: Request): string => (req.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

/** The session token this request carries, under the name in use only (an unprefixed cookie over https is ignored). */
export const readSessionCookie = (req: Request): string | undefined => readCookie(req, sessionCookieName(req));

/** Reads one cookie without a parser dependency: we only ever need this one. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(sessionCookieName(req), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
