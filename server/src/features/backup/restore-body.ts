import express, { type RequestHandler } from 'express';
import { readCookie, SESSION_COOKIE } from '../../auth/cookies';
import { AppError } from '../../http/app-error';

/** A backup of a large organisation is far above the API's 100 kB JSON limit. */
export const RESTORE_MAX_BYTES = 100 * 1024 * 1024;
export const RESTORE_PATH = '/api/restore';

const parseLarge = express.json({ limit: RESTORE_MAX_BYTES, strict: true, type: 'application/json' });

/**
 * Mounted on the restore path ahead of the global JSON parser. A request
 * with no session cookie at all is answered 401 unread, so an anonymous
 * caller cannot make the server parse 100 MB; the route itself then checks
 * that the session is an admin's.
 */
export const restoreBodyParser: RequestHandler = (req, res, next) => {
  if (!readCookie(req, SESSION_COOKIE)) return next(new AppError('UNAUTHENTICATED', 'Sign in first'));
  parseLarge(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      return next(
        new AppError(
          'PAYLOAD_TOO_LARGE',
          `The backup is larger than ${RESTORE_MAX_BYTES / 1024 / 1024} MB; restore the database file instead (docs/IMPORT.md)`,
        ),
      );
    }
    next(error);
  });
};
