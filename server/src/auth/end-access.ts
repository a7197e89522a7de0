import { IsNull, Not, type EntityManager } from 'typeorm';
import { nowIso } from '../db/columns';
import { ApiTokenEntity } from './api-token.entity';
import { SessionEntity } from './session.entity';

/**
 * Ends what a user can still do with credentials they already hold: their
 * sessions (but `keepSession`, the hash of the caller's own), and with
 * `tokens` their API tokens too (revoked, rows kept for the record). Runs in
 * the caller's transaction, so access ends with the change that ends it.
 *
 * Used by SCIM deactivation and single sign-on role changes. Disabling a
 * user by an admin also ends their tokens; every way of ending access
 * should call this one function.
 */
export async function endUserAccess(
  m: EntityManager,
  userId: string,
  options: { tokens: boolean; keepSession?: string },
): Promise<void> {
  await m.delete(SessionEntity, {
    userId,
    ...(options.keepSession ? { tokenHash: Not(options.keepSession) } : {}),
  });
  if (options.tokens) {
    await m.update(ApiTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: nowIso() });
  }
}
