/**
 * The closed set of error codes the API answers with. Every error body is
 * `{ error: { code, message, issues?, current? } }`; the HTTP status follows
 * from the code through ERROR_STATUS, so server and client agree on both.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  /** PASSWORD_SIGN_IN is `admins` or `off`: this account signs in through the identity provider. */
  SSO_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACTIVE_CYCLE_EXISTS: 409,
  IN_USE: 409,
  DUPLICATE: 409,
  VERSION_CONFLICT: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: ValidationIssue[];
    /** On VERSION_CONFLICT: the row as it is now, so the client can show whose edit won. */
    current?: unknown;
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as { error: unknown }).error === 'object'
  );
}

/** Exhaustiveness guard for switches over closed unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
