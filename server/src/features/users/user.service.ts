import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CreatedUser, CreateUserInput, Member, UpdateUserInput, User } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { endUserAccess } from '../../auth/end-access';
import { assertPasswordNotCommon, generatePassword, hashPassword } from '../../auth/password';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { CheckInEntity } from '../key-results/check-in.entity';
import { hasLiveKeyResults, hasLiveObjectives, releaseOwner } from '../objectives/in-use';
import { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';

export class UserService {
  constructor(private readonly db: Database) {}

  list(): Promise<User[]> {
    return this.db.read(async (m) => (await m.find(UserEntity, { order: { name: 'ASC' } })).map(toUserDto));
  }

  /** The member directory every signed-in user may read (owners' names), by name as people read it on both databases. */
  async members(): Promise<Member[]> {
    const users = await this.db.read((m) => m.find(UserEntity, { select: { id: true, name: true, disabled: true } }));
    return users
      .map((u) => ({ id: u.id, name: u.name, active: !u.disabled }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  get(id: string): Promise<User> {
    return this.db.read(async (m) => {
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw notFound('User');
      return toUserDto(user);
    });
  }

  /** Invites a user; without a password one is generated and returned once. */
  async create(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
    const generated = input.password ? undefined : generatePassword();
    const password = input.password ?? (generated as string);
    assertPasswordNotCommon(password);
    const passwordHash = await hashPassword(password);
    const dto = await this.db.write(async (m) => {
      await assertEmailFree(m, input.email);
      const now = nowIso();
      const row: UserEntity = {
        id: randomUUID(),
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        disabled: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(UserEntity, row);
      const created = toUserDto(row);
      await recordAudit(m, actor, 'user', row.id, 'create', null, created);
      return created;
    });
    return generated ? { ...dto, generatedPassword: generated } : dto;
  }

  /**
   * Disabling a user, or changing their role or password, ends their other
   * sessions in the same transaction: the old rights die with the change.
   * Disabling or a new password also revokes their API tokens, and disabling
   * revokes the share links they created.
   */
  async update(actor: Actor, id: string, version: number, input: UpdateUserInput): Promise<User> {
    if (input.password) assertPasswordNotCommon(input.password);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.db.write(async (m) => {
      const { before, after } = await updateVersioned(
        m,
        UserEntity,
        'User',
        id,
        version,
        (current) => {
          if (current.id === actor.id && (input.disabled === true || (input.role && input.role !== 'admin'))) {
            throw new AppError('CONFLICT', 'You cannot disable yourself or remove your own admin role');
          }
          return {
            ...(input.name !== undefined && { name: input.name }),
            ...(input.role !== undefined && { role: input.role }),
            ...(input.disabled !== undefined && { disabled: input.disabled }),
            ...(passwordHash !== undefined && { passwordHash }),
          };
        },
        toUserDto,
      );
      const disabledNow = after.disabled && !before.disabled;
      const credentialsEnd = disabledNow || passwordHash !== undefined;
      if (credentialsEnd || after.role !== before.role || after.disabled !== before.disabled) {
        // A new password or a disabled account ends tokens too (a leaked
        // password may have minted them); a role change ends sessions only,
        // as tokens already act with the owner's current role at most.
        await endUserAccess(m, id, {
          tokens: credentialsEnd,
          shareLinks: disabledNow,
          ...(id === actor.id && actor.sessionKey ? { keepSession: actor.sessionKey } : {}),
        });
      }
      const dto = toUserDto(after);
      // The hash never enters the trail; the fact of the reset does.
      const audited = passwordHash !== undefined ? { ...dto, passwordChange: 'reset by an admin' } : dto;
      await recordAudit(m, actor, 'user', id, 'update', toUserDto(before), audited);
      return dto;
    });
  }

  /** Only a user who owns and wrote nothing can be deleted; others are disabled instead. */
  async remove(actor: Actor, id: string, version: number): Promise<void> {
    await this.db.write(async (m) => {
      if (id === actor.id) throw new AppError('CONFLICT', 'You cannot delete yourself');
      const owns =
        (await hasLiveObjectives(m, { ownerId: id })) ||
        (await hasLiveKeyResults(m, { ownerId: id })) ||
        (await m.existsBy(CheckInEntity, { authorId: id }));
      if (owns) {
        throw new AppError(
          'IN_USE',
          'This user owns objectives or key results or wrote check-ins; disable them instead',
        );
      }
      await releaseOwner(m, id);
      // Tokens go with the row (foreign key); links outlive it, so revoke them first.
      await endUserAccess(m, id, { tokens: true, shareLinks: true });
      const before = await deleteVersioned(m, UserEntity, 'User', id, version, toUserDto);
      await recordAudit(m, actor, 'user', id, 'delete', toUserDto(before), null);
    });
  }
}

async function assertEmailFree(m: EntityManager, email: string): Promise<void> {
  if (await m.existsBy(UserEntity, { email })) {
    throw new AppError('DUPLICATE', `A user with the email ${email} already exists`, {
      issues: [{ path: ['email'], message: 'Already in use' }],
    });
  }
}
