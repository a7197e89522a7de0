import type { ErrorRequestHandler } from 'express';
import type { ErrorBody } from '@keyline/shared';
import { ZodError } from 'zod';
import { AppError } from './app-error';

/**
 * One place that turns any failure into `{ error: { code, message, issues? } }`.
 * Known failures keep their code; anything unknown is logged with its stack
 * and answered as an opaque 500, so no stack trace or SQL leaves the server.
 */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const { status, body } = toErrorResponse(err);
  if (status >= 500) req.log?.error({ err }, 'request failed');
  if (res.headersSent) return;
  res.status(status).json(body);
};

function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...err.extra } } };
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
    }));
    const first = issues[0];
    const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: `${where}${first?.message ?? 'Invalid input'}`, issues } },
    };
  }
  const constraint = constraintViolation(err);
  if (constraint) return constraint;
  // body-parser marks its own errors with a `type` and an HTTP status.
  const parserError = err as { type?: string; status?: number };
  if (parserError.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } } };
  }
  if (parserError.type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' } } };
  }
  if (parserError.type && parserError.status && parserError.status < 500) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'The request body could not be read' } },
    };
  }
  // sendFile found no index.html: the built client is missing or being rebuilt. Not the client's
  // fault, and not "bad encoding" (the 4xx branch below answered that while `vite build` ran).
  if (parserError.status === 404 && (err as { code?: string }).code === 'ENOENT') {
    return {
      status: 503,
      body: {
        error: { code: 'UNAVAILABLE', message: 'The web client is missing or being rebuilt; try again in a moment' },
      },
    };
  }
  // Untyped 4xx from the plumbing: a body that fails to inflate (Content-Encoding: gzip on plain
  // text), or a path the router cannot decode (`/api/teams/%zz`). The client's fault, not a 500.
  if (parserError.status && parserError.status >= 400 && parserError.status < 500) {
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request could not be read (bad encoding in the body or the address)',
        },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' } },
  };
}

/** A race that passed our checks but hit a database constraint is still a clean 409, never a 500. */
function constraintViolation(err: unknown): { status: number; body: ErrorBody } | undefined {
  const driverError = (err as { driverError?: { code?: string } }).driverError;
  const code = driverError?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { status: 409, body: { error: { code: 'DUPLICATE', message: 'That already exists' } } };
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { status: 409, body: { error: { code: 'IN_USE', message: 'Other records still refer to this' } } };
  }
  // PostgreSQL refuses a NUL character in text (SQLite stores it): bad input, not our fault.
  if (code === '22021') {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Text must not contain NUL characters' } },
    };
  }
  return undefined;
}
