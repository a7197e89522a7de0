import express, { type Request, type Response } from 'express';
import { AppError } from '../../http/app-error';
import { runMiddleware } from '../../http/run-middleware';

/** A backup of a large organisation is far above the API's 100 kB JSON limit. */
export const RESTORE_MAX_BYTES = 100 * 1024 * 1024;
export const RESTORE_PATH = '/api/restore';

const parseLarge = express.json({ limit: RESTORE_MAX_BYTES, strict: true, type: 'application/json' });

/**
 * The restore route's `largeBody`: reads up to 100 MB of JSON. The route
 * layer calls it only once the caller is known to be an admin with a live
 * session, so nobody else can make the server parse 100 MB.
 */
export async function readRestoreBody(req: Request, res: Response): Promise<void> {
  await runMiddleware(parseLarge, req, res).catch((error: { type?: string }) => {
    if (error.type === 'entity.too.large') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The backup is larger than ${RESTORE_MAX_BYTES / 1024 / 1024} MB; restore the database file instead (docs/IMPORT.md)`,
      );
    }
    throw error;
  });
}
