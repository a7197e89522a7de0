import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { endUserAccess } from '../../auth/end-access';
import { nowIso } from '../../db/columns';
import { updateVersioned } from '../../db/versioned';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';

/**
 * Users the identity provider manages (single sign-on and SCIM) change
 * through these two functions, inside the caller's transaction, with the
 * same rules as an admin's edit: audited, and old rights end with the change.
 */

/** No password: such a user signs in through the provider (an admin may still set one). */
const NO_PASSWORD = '';

export async function createProvisionedUser(
  m: EntityManager,
  actor: Actor,
  input: { id?: string; email: string; name: string; role: Role; disabled?: boolean },
): Promise<UserEntity> {
  if (await m.existsBy(UserEntity, { email: input.email })) {
    throw new AppError('DUPLICATE', `A user with the email ${input.email} already exists`);
  }
  const now = nowIso();
  const row: UserEntity = {
    id: input.id ?? randomUUID(),
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: NO_PASSWORD,
    disabled: input.disabled ?? false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await m.insert(UserEntity, row);
  await recordAudit(m, actor, 'user', row.id, 'create', null, toUserDto(row));
  return row;
}

export interface ProvisionedChanges {
  email?: string;
  name?: string;
  role?: Role;
  disabled?: boolean;
}

/**
 * Applies what changed (nothing written when nothing did). A new role ends
 * the user's sessions; disabling ends their sessions and API tokens at once.
 */
export async function changeProvisionedUser(
  m: EntityManager,
  actor: Actor,
  user: UserEntity,
  changes: ProvisionedChanges,
): Promise<UserEntity> {
  const set: Partial<UserEntity> = {};
  if (changes.email !== undefined && changes.email !== user.email) {
    if (await m.existsBy(UserEntity, { email: changes.email })) {
      throw new AppError('DUPLICATE', `A user with the email ${changes.email} already exists`);
    }
    set.email = changes.email;
  }
  if (changes.name !== undefined && changes.name !== user.name) set.name = changes.name;
  if (changes.role !== undefined && changes.role !== user.role) set.role = changes.role;
  if (changes.disabled !== undefined && changes.disabled !== user.disabled) set.disabled = changes.disabled;
  if (Object.keys(set).length === 0) return user;
  const { before, after } = await updateVersioned(m, UserEntity, 'User', user.id, user.version, () => set, toUserDto);
  if (set.disabled === true) await endUserAccess(m, user.id, { tokens: true, shareLinks: true });
  else if (set.role !== undefined) await endUserAccess(m, user.id, { tokens: false });
  await recordAudit(m, actor, 'user', user.id, 'update', toUserDto(before), toUserDto(after));
  return after;
}
