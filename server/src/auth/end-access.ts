import { IsNull, Not, type EntityManager } from 'typeorm';
import { nowIso } from '../db/columns';
import { ShareLinkEntity } from '../features/share-links/share-link.entity';
import { ApiTokenEntity } from './api-token.entity';
import { SessionEntity } from './session.entity';

export interface EndAccessOptions {
  /** Revoke the user's API tokens too (rows kept for the record). */
  tokens: boolean;
  /**
   * Revoke the share links the user created: a link speaks for its creator,
   * so it ends when the account does (disabled or deleted), not when only a
   * password changes.
   */
  shareLinks?: boolean;
  /** The hash of the caller's own session, kept when users change their own password. */
  keepSession?: string;
}

/**
 * Ends what a user can still do with credentials they already hold: their
 * sessions, and on request their API tokens and share links. Runs in the
 * caller's transaction, so access ends with the change that ends it.
 *
 * The one place for it: admin changes to a user, a user's own password
 * change, SCIM deactivation and single sign-on role changes all call this.
 * Revoked, not reinstated: enabling the account again does not revive them.
 */
export async function endUserAccess(m: EntityManager, userId: string, options: EndAccessOptions): Promise<void> {
  await m.delete(SessionEntity, {
    userId,
    ...(options.keepSession ? { tokenHash: Not(options.keepSession) } : {}),
  });
  const revokedAt = nowIso();
  if (options.tokens) {
    await m.update(ApiTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt });
  }
  if (options.shareLinks) {
    await m.update(
      ShareLinkEntity,
      { createdById: userId, revokedAt: IsNull() },
      { revokedAt, version: () => 'version + 1' },
    );
  }
}
