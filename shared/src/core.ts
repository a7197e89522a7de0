/**
 * The zod-free part of the shared package: error codes, roles, the session
 * user, the sign-in error messages and a comment's subject. The client's sign-in screen and shell
 * import from here (`@keyline/shared/core`), so its first load carries no
 * schema code; everything here is also exported from the main entry.
 */
export * from './errors/error-codes';
export * from './auth/roles';
export * from './sso/sso-errors';
export * from './comments/comment-subject';
