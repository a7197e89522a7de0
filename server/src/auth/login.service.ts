import { randomUUID } from 'node:crypto';
import { MoreThan } from 'typeorm';
import type { ChangePasswordInput, LoginInput, SessionUser } from '@keyline/shared';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { nowIso } from '../db/columns';
import type { Database } from '../db/database';
import { UserEntity } from '../features/users/user.entity';
import { AppError } from '../http/app-error';
import { passwordSignInAllowed } from '../features/sso/sso.config';
import { LoginAttemptEntity } from './login-attempt.entity';
import { updateVersioned } from '../db/versioned';
import { recordAudit } from '../features/audit/audit.recorder';
import { toUserDto } from '../features/users/user.mapper';
import type { Actor } from './actor';
import { endUserAccess } from './end-access';
import { assertPasswordNotCommon, dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { SessionService } from './session.service';

/** An IP may fail this many times more than one account: several people can share an office NAT. */
const IP_FAILURE_FACTOR = 5;

export class LoginService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly config: Config,
    private readonly log: Logger,
  ) {}

  /**
   * Checks the password and opens a session. Failures are counted in the
   * database (shared by every app server) per account and per IP; past the
   * limit the answer is 429 whatever the password. The attempt is recorded,
   * as a failure, in the same step as the count and before the hash is
   * checked, so parallel tries cannot all pass a count that none has added
   * to yet; a right password then marks its row succeeded.
   */
  async login(
    input: LoginInput,
    clientAddress: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; user: SessionUser }> {
    const ip = boundAddress(clientAddress);
    const attemptId = await this.recordAttempt(input.email, ip);
    const user = await this.db.read((m) => m.findOneBy(UserEntity, { email: input.email }));
    // Argon2 runs outside any transaction: it is slow and must not hold the SQLite lock.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    const refusedByPolicy = Boolean(user && passwordOk && !passwordSignInAllowed(this.config, user.role));
    const succeeded = Boolean(user && passwordOk && !user.disabled) && !refusedByPolicy;
    if (succeeded) await this.db.write((m) => m.update(LoginAttemptEntity, { id: attemptId }, { succeeded: true }));
    this.log.info(
      { event: 'login', email: input.email, ip, succeeded },
      succeeded ? 'sign-in succeeded' : 'sign-in failed',
    );
    if (refusedByPolicy) {
      throw new AppError(
        'SSO_REQUIRED',
        `Password sign-in is off for this account: use Sign in with ${this.config.OIDC_PROVIDER_NAME}`,
      );
    }
    if (!succeeded || !user) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
    if (needsRehash(user.passwordHash)) await this.upgradeHash(user, input.password);
    const token = await this.sessions.create(user.id, userAgent);
    return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  /**
   * Re-hashes a password that was stored with older Argon2 parameters, now
   * that the user has just proved it. Only if the hash is still the one
   * checked: a password changed meanwhile is never overwritten. The version
   * stays, as nothing a client sees has changed.
   */
  private async upgradeHash(user: UserEntity, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.write((m) =>
      m.update(UserEntity, { id: user.id, passwordHash: user.passwordHash }, { passwordHash }),
    );
    this.log.info({ event: 'password-rehash', userId: user.id }, 'password hash upgraded to the current parameters');
  }

  /**
   * A signed-in user changes their own password. The current password is
   * checked under the same failure count as sign-in (a stolen session cannot
   * guess it faster than a sign-in form could); on success every other
   * session and every API token of the user ends, and the audit trail says
   * the user changed it (an admin's reset says so in its own words).
   */
  async changePassword(actor: Actor, input: ChangePasswordInput, clientAddress: string): Promise<void> {
    assertPasswordNotCommon(input.newPassword, 'newPassword');
    const attemptId = await this.recordAttempt(actor.email, boundAddress(clientAddress));
    const user = await this.db.read((m) => m.findOneBy(UserEntity, { id: actor.id }));
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      this.log.info({ event: 'password-change', userId: actor.id, succeeded: false }, 'password change refused');
      throw new AppError('VALIDATION_FAILED', 'currentPassword: The current password is wrong', {
        issues: [{ path: ['currentPassword'], message: 'The current password is wrong' }],
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.write(async (m) => {
      await m.update(LoginAttemptEntity, { id: attemptId }, { succeeded: true });
      const { before, after } = await updateVersioned(
        m,
        UserEntity,
        'User',
        user.id,
        user.version,
        () => ({ passwordHash }),
        toUserDto,
      );
      await endUserAccess(m, user.id, { tokens: true, ...(actor.sessionKey && { keepSession: actor.sessionKey }) });
      await recordAudit(m, actor, 'user', user.id, 'update', toUserDto(before), {
        ...toUserDto(after),
        passwordChange: 'changed by the user',
      });
    });
    this.log.info({ event: 'password-change', userId: actor.id, succeeded: true }, 'password changed by its user');
  }

  /**
   * Counts the failures in the window and, under the limit, records this
   * attempt as one: a single transaction, which on PostgreSQL first takes
   * advisory locks on the account and on the address, so servers sharing
   * the database serialise here too (SQLite writes are serialised anyway).
   * Past the limit nothing is recorded (a log line says so) and 429 is thrown.
   */
  private recordAttempt(email: string, ip: string): Promise<string> {
    const since = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60_000).toISOString();
    return this.db.write(async (m) => {
      if (this.db.kind === 'postgres') {
        // Always the account first, then the address: no two transactions wait on each other in a circle.
        await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_ACCOUNT, email]);
        await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_ADDRESS, ip]);
      }
      const byAccount = await m.countBy(LoginAttemptEntity, { email, succeeded: false, at: MoreThan(since) });
      const byIp = await m.countBy(LoginAttemptEntity, { ip, succeeded: false, at: MoreThan(since) });
      if (byAccount >= this.config.LOGIN_MAX_FAILURES || byIp >= this.config.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR) {
        this.log.warn({ event: 'login-throttled', email, ip }, 'sign-in throttled');
        throw new AppError(
          'TOO_MANY_REQUESTS',
          `Too many failed sign-ins; try again in ${this.config.LOGIN_WINDOW_MINUTES} minutes`,
        );
      }
      const id = randomUUID();
      await m.insert(LoginAttemptEntity, { id, email, ip, succeeded: false, at: nowIso() });
      return id;
    });
  }
}

/** Advisory lock classes (the first key of PostgreSQL's two-key form) for sign-in counting. */
const LOCK_ACCOUNT = 734_301;
const LOCK_ADDRESS = 734_302;

/**
 * The client address as stored: at most the column's 64 characters. Real
 * addresses fit (IPv6 with a zone is under 64); only a forged or broken
 * X-Forwarded-For is longer, and it still counts, by its first 64.
 */
export function boundAddress(address: string): string {
  return address.slice(0, 64);
}
