import { ERROR_STATUS, type ErrorCode, type ValidationIssue } from '@keyline/shared';

/** The only error services throw on purpose; the error middleware turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ValidationIssue[]; current?: unknown } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/** 412 with the row as it is now, so the client can show whose edit won. */
export const versionConflict = (what: string, current: { version: number }) =>
  new AppError(
    'VERSION_CONFLICT',
    `${what} was changed by someone else (now version ${current.version}); reload it and apply your change again`,
    { current },
  );

/** 400 naming one field, for rules zod cannot see (e.g. "parent is in another cycle"). */
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ path: [field], message }] });
