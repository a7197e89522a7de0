import express, { type Request, type Response } from 'express';
import { IMPORT_MAX_BYTES } from '@keyline/shared';
import { AppError } from '../../http/app-error';
import { runMiddleware } from '../../http/run-middleware';

const readRaw = express.raw({ type: 'text/csv', limit: IMPORT_MAX_BYTES });

/**
 * The import route's `largeBody`: reads the uploaded CSV onto req.body. The
 * route layer calls it once it has checked who is asking, so nobody signed
 * out can make the server buffer 10 MB.
 */
export async function readCsvUpload(req: Request, res: Response): Promise<Buffer> {
  if (!req.is('text/csv'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the request body with Content-Type: text/csv');
  await runMiddleware(readRaw, req, res).catch((error: { type?: string }) => {
    if (error.type === 'entity.too.large') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      );
    }
    throw error;
  });
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty', {
      issues: [{ path: ['file'], message: 'The file is empty' }],
    });
  }
  return req.body;
}
