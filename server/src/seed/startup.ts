import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../auth/actor';
import { endUserAccess } from '../auth/end-access';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password';
import type { Config } from '../config';
import { nowIso } from '../db/columns';
import { lockForRuleCheck } from '../db/table-lock';
import type { Database } from '../db/database';
import { recordAudit } from '../features/audit/audit.recorder';
import { UserEntity } from '../features/users/user.entity';
import { toUserDto } from '../features/users/user.mapper';
import { insertDemoOrganisation } from './demo-data';

export interface SignInLine {
  email: string;
  password: string;
}

/**
 * First start with an empty database: create the first admin (password
 * generated, never a fixed default) and, unless KEYLINE_SEED=none, the demo
 * organisation. Returns the sign-in line to print, or undefined.
 */
export async function seedIfEmpty(db: Database, config: Config, log?: Logger): Promise<SignInLine | undefined> {
  const empty = (await db.read((m) => m.count(UserEntity))) === 0;
  if (!empty) return undefined;
  const fromEnv = Boolean(config.KEYLINE_ADMIN_EMAIL);
  const email = config.KEYLINE_ADMIN_EMAIL?.toLowerCase() ?? 'admin@keyline.local';
  const password = config.KEYLINE_ADMIN_PASSWORD ?? generatePassword();
  const adminHash = await hashPassword(password);
  const memberHash = await hashPassword(generatePassword());
  const seeded = await db.write(async (m) => {
    // Several servers may start at once on an empty PostgreSQL database: one seeds, the others see it done.
    await lockForRuleCheck(m, 'users');
    if ((await m.count(UserEntity)) > 0) return false;
    const now = nowIso();
    const adminId = randomUUID();
    await m.insert(UserEntity, {
      id: adminId,
      email,
      name: fromEnv ? 'Administrator' : 'Ada Admin',
      role: 'admin',
      passwordHash: adminHash,
      disabled: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    if (fromEnv) {
      const created = await m.findOneByOrFail(UserEntity, { id: adminId });
      await recordAudit(m, SYSTEM_ACTOR, 'user', adminId, 'create', null, {
        ...toUserDto(created),
        passwordChange: 'set from KEYLINE_ADMIN_PASSWORD',
      });
    }
    if (config.KEYLINE_SEED === 'demo') await insertDemoOrganisation(m, adminId, memberHash, new Date());
    return true;
  });
  if (seeded && fromEnv) {
    log?.warn({ event: 'admin-from-env', email, outcome: 'created' }, 'admin password set from KEYLINE_ADMIN_PASSWORD');
  }
  return fromEnv || !seeded ? undefined : { email, password };
}

/** What ensureAdmin did, for its caller and tests. */
export type AdminFromEnv = 'none' | 'created' | 'password-set' | 'unchanged' | 'refused';

/**
 * KEYLINE_ADMIN_EMAIL + KEYLINE_ADMIN_PASSWORD: the operator's way in when no
 * admin can sign in. It creates that admin if the address is unknown, and
 * sets its password only when the stored hash does not match (so a restart
 * with the variables still set changes nothing and ends no session). A
 * password it sets ends the account's sessions and API tokens, is audited
 * as the system's and logged.
 *
 * An account under that address that is disabled, or no longer an admin, is
 * left exactly as it is: another admin took that decision, and a restart
 * must not undo it. The log says so; to get in anyway, start with a new
 * KEYLINE_ADMIN_EMAIL, which creates a fresh admin (see README).
 */
export async function ensureAdmin(db: Database, config: Config, log: Logger): Promise<AdminFromEnv> {
  if (!config.KEYLINE_ADMIN_EMAIL || !config.KEYLINE_ADMIN_PASSWORD) return 'none';
  const email = config.KEYLINE_ADMIN_EMAIL.toLowerCase();
  const password = config.KEYLINE_ADMIN_PASSWORD;
  const existing = await db.read((m) => m.findOneBy(UserEntity, { email }));
  if (existing && (existing.disabled || existing.role !== 'admin')) {
    log.warn(
      { event: 'admin-from-env', email, disabled: existing.disabled, role: existing.role },
      'KEYLINE_ADMIN_EMAIL names an account that is disabled or no longer an admin: left unchanged; set a new KEYLINE_ADMIN_EMAIL to create another admin',
    );
    return 'refused';
  }
  // Argon2 outside the transaction: slow, and must not hold the SQLite write lock.
  if (existing && (await verifyPassword(existing.passwordHash, password))) return 'unchanged';
  const passwordHash = await hashPassword(password);
  const done = await db.write(async (m): Promise<AdminFromEnv> => {
    await lockForRuleCheck(m, 'users'); // another server starting now may be creating the same admin
    const now = nowIso();
    const current = await m.findOneBy(UserEntity, { email });
    if (current) {
      // Re-read under the lock: only the password changes, and only for an enabled admin.
      if (current.disabled || current.role !== 'admin') return 'refused';
      if (current.passwordHash !== existing?.passwordHash) return 'unchanged'; // another server set it just now
      await m
        .createQueryBuilder()
        .update(UserEntity)
        .set({ passwordHash, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id', { id: current.id })
        .execute();
      await endUserAccess(m, current.id, { tokens: true });
      const after = await m.findOneByOrFail(UserEntity, { id: current.id });
      await recordAudit(m, SYSTEM_ACTOR, 'user', current.id, 'update', toUserDto(current), {
        ...toUserDto(after),
        passwordChange: 'set from KEYLINE_ADMIN_PASSWORD',
      });
      return 'password-set';
    }
    const row: UserEntity = {
      id: randomUUID(),
      email,
      name: 'Administrator',
      role: 'admin',
      passwordHash,
      disabled: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(UserEntity, row);
    await recordAudit(m, SYSTEM_ACTOR, 'user', row.id, 'create', null, {
      ...toUserDto(row),
      passwordChange: 'set from KEYLINE_ADMIN_PASSWORD',
    });
    return 'created';
  });
  if (done === 'created' || done === 'password-set') {
    log.warn({ event: 'admin-from-env', email, outcome: done }, 'admin password set from KEYLINE_ADMIN_PASSWORD');
  }
  return done;
}
