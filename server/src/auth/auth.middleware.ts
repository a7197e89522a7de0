import type { RequestHandler } from 'express';
import { readCookie, SESSION_COOKIE } from './cookies';
import type { SessionService } from './session.service';

/** Puts the signed-in user, if any, on res.locals.actor. Routes decide who may pass. */
export function sessionMiddleware(sessions: SessionService): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token && token.length <= 100) {
      const actor = await sessions.resolve(token);
      if (actor) res.locals.actor = actor;
    }
    next();
  };
}
