import { randomUUID } from 'node:crypto';
import { generatePassword, hashPassword } from '../auth/password';
import type { Config } from '../config';
import { nowIso } from '../db/columns';
import { lockForRuleCheck } from '../db/table-lock';
import type { Database } from '../db/database';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../features/users/user.entity';
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
export async function seedIfEmpty(db: Database, config: Config): Promise<SignInLine | undefined> {
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
    if (config.KEYLINE_SEED === 'demo') await insertDemoOrganisation(m, adminId, memberHash, new Date());
    return true;
  });
  return fromEnv || !seeded ? undefined : { email, password };
}

/** KEYLINE_ADMIN_EMAIL + KEYLINE_ADMIN_PASSWORD: create that admin, or reset it, at every start. */
export async function ensureAdmin(db: Database, config: Config): Promise<void> {
  if (!config.KEYLINE_ADMIN_EMAIL || !config.KEYLINE_ADMIN_PASSWORD) return;
  const email = config.KEYLINE_ADMIN_EMAIL.toLowerCase();
  const passwordHash = await hashPassword(config.KEYLINE_ADMIN_PASSWORD);
  await db.write(async (m) => {
    await lockForRuleCheck(m, 'users'); // another server starting now may be creating the same admin
    const now = nowIso();
    const existing = await m.findOneBy(UserEntity, { email });
    if (existing) {
      await m
        .createQueryBuilder()
        .update(UserEntity)
        .set({ passwordHash, role: 'admin', disabled: false, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id', { id: existing.id })
        .execute();
      await m.delete(SessionEntity, { userId: existing.id });
    } else {
      await m.insert(UserEntity, {
        id: randomUUID(),
        email,
        name: 'Administrator',
        role: 'admin',
        passwordHash,
        disabled: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
}
