import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotificationKindSchema, type NotificationKind } from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../../db/database';
import { nowIso } from '../../../db/columns';
import { SettingEntity } from '../../settings/setting.entity';

const KEY_ROW = 'notification-signing-key';

/**
 * One-click unsubscribe links work without signing in, so they carry their
 * own authority: `<userId>.<kind>.<HMAC-SHA256 of both>` with a key generated
 * once per installation and kept in the database (every app server signs and
 * checks with the same one). A link switches off one kind for one person and
 * nothing else, so it does not expire.
 */
export class UnsubscribeTokens {
  private key: Buffer | undefined;

  /** The installation's key, created on first use. */
  async load(m: EntityManager): Promise<void> {
    if (this.key) return;
    let row = await m.findOneBy(SettingEntity, { key: KEY_ROW });
    if (!row) {
      await m
        .createQueryBuilder()
        .insert()
        .into(SettingEntity)
        .values({ key: KEY_ROW, value: { key: randomBytes(32).toString('base64') }, version: 1, updatedAt: nowIso() })
        .orIgnore()
        .execute();
      row = await m.findOneBy(SettingEntity, { key: KEY_ROW });
    }
    this.key = Buffer.from((row?.value as { key: string }).key, 'base64');
  }

  /**
   * The key, loaded (or created) once per process in a transaction of its
   * own: reads may run on SQLite's read-only connection, where creating it
   * would fail.
   */
  async ensure(db: Database): Promise<void> {
    if (this.key) return;
    await db.write((m) => this.load(m));
  }

  /** Call load() or ensure() first. */
  sign(userId: string, kind: NotificationKind): string {
    return `${userId}.${kind}.${this.mac(userId, kind).toString('base64url')}`;
  }

  /** The user and kind a token is for, or null when it was not made here. Call load() first. */
  verify(token: string): { userId: string; kind: NotificationKind } | null {
    const [userId, kind, mac, ...rest] = token.split('.');
    if (!userId || !kind || !mac || rest.length > 0) return null;
    const parsedKind = NotificationKindSchema.safeParse(kind);
    if (!parsedKind.success) return null;
    const expected = this.mac(userId, parsedKind.data);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, kind: parsedKind.data };
  }

  private mac(userId: string, kind: string): Buffer {
    if (!this.key) throw new Error('UnsubscribeTokens.load() was not called');
    return createHmac('sha256', this.key).update(`unsubscribe:${userId}:${kind}`).digest().subarray(0, 18);
  }
}
