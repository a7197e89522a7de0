import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import type { ApiTokenService } from './api-token.service';
import { readSessionCookie } from './cookies';
import type { SessionService } from './session.service';

/**
 * Puts the caller, if any, on res.locals.actor; routes decide who may pass.
 * `Authorization: Bearer` (API tokens, for scripts) wins over the cookie and
 * never falls back to it: a bad token is a 401, not an anonymous request.
 */
export function authMiddleware(sessions: SessionService, tokens: ApiTokenService): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization);
      const actor = match ? await tokens.resolve(match[1] as string) : undefined;
      if (!actor) return next(new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked'));
      res.locals.actor = actor;
      return next();
    }
    const token = readSessionCookie(req);
    if (token && token.length <= 100) {
      const actor = await sessions.resolve(token);
      if (actor) res.locals.actor = { ...actor, via: 'session' };
    }
    next();
  };
}
