import { createHash, randomBytes } from 'node:crypto';
import { LessThan } from 'typeorm';
import type { Config } from '../config';
import { nowIso } from '../db/columns';
import type { Database } from '../db/database';
import { PreparedRead } from '../db/prepared';
import type { Actor } from './actor';
import { SessionEntity } from './session.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Refresh lastSeenAt at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

export class SessionService {
  private readonly lookup: PreparedRead<{
    lastSeenAt: string;
    expiresAt: string;
    id: string;
    name: string;
    email: string;
    role: Actor['role'];
    disabled: boolean | number;
  }>;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
  ) {
    this.lookup = new PreparedRead(
      db,
      'keyline_session_lookup',
      `SELECT s."lastSeenAt", s."expiresAt", u."id", u."name", u."email", u."role", u."disabled"
       FROM "sessions" s INNER JOIN "users" u ON u."id" = s."userId" WHERE s."tokenHash" = ?`,
    );
  }

  get absoluteMs(): number {
    return this.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  }

  /** A fresh random token per sign-in (no fixation); only its hash is stored. */
  async create(userId: string, userAgent: string | undefined): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.db.write(async (m) => {
      await m.insert(SessionEntity, {
        tokenHash: hashToken(token),
        userId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.absoluteMs).toISOString(),
        userAgent: userAgent?.slice(0, 200) ?? null,
      });
      // Housekeeping: forget sessions past their absolute end.
      await m.delete(SessionEntity, { expiresAt: LessThan(now.toISOString()) });
    });
    return token;
  }

  /** The signed-in user, or undefined when the token is unknown, timed out, or the user is disabled. */
  async resolve(token: string): Promise<Actor | undefined> {
    const tokenHash = hashToken(token);
    // Every signed-in request passes here: one prepared statement, only the columns needed.
    const row = await this.lookup.one(tokenHash);
    if (!row) return undefined;
    const session = { lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt };
    // Raw rows: SQLite stores booleans as 0/1.
    const user = { id: row.id, name: row.name, email: row.email, role: row.role, disabled: Boolean(row.disabled) };
    const now = Date.now();
    const idleLimit = Date.parse(session.lastSeenAt) + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (user.disabled || now > Date.parse(session.expiresAt) || now > idleLimit) {
      await this.db.write((m) => m.delete(SessionEntity, { tokenHash }));
      return undefined;
    }
    // A short idle limit needs fresher touches, or a user active every 40 s outlives a 1-minute limit unseen.
    if (
      now - Date.parse(session.lastSeenAt) >
      Math.min(TOUCH_EVERY_MS, (this.config.SESSION_IDLE_MINUTES * 60_000) / 4)
    ) {
      await this.db.write((m) => m.update(SessionEntity, { tokenHash }, { lastSeenAt: nowIso() }));
    }
    return { id: user.id, name: user.name, email: user.email, role: user.role, sessionKey: tokenHash };
  }

  async destroy(token: string): Promise<void> {
    await this.db.write((m) => m.delete(SessionEntity, { tokenHash: hashToken(token) }));
  }
}
