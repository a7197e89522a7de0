import { ApiError } from '../../../lib/api';

/**
 * A link that will never work again (unknown, expired, revoked) — as opposed
 * to a server that is down, which is worth a retry. The server answers such
 * links with 401/403/404/410; the page says the same thing for each so a
 * token's fate is not spelled out to whoever holds it.
 */
export function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && [401, 403, 404, 410].includes(error.status);
}
