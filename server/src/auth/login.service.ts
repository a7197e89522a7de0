import { randomUUID } from 'node:crypto';
import { MoreThan } from 'typeorm';
import type { LoginInput, SessionUser } from '@keyline/shared';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { nowIso } from '../db/columns';
import type { Database } from '../db/database';
import { UserEntity } from '../features/users/user.entity';
import { AppError } from '../http/app-error';
import { passwordSignInAllowed } from '../features/sso/sso.config';
import { LoginAttemptEntity } from './login-attempt.entity';
import { dummyPasswordHash, verifyPassword } from './password';
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
   * limit the answer is 429 whatever the password.
   */
  async login(
    input: LoginInput,
    ip: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; user: SessionUser }> {
    await this.assertNotRateLimited(input.email, ip);
    const user = await this.db.read((m) => m.findOneBy(UserEntity, { email: input.email }));
    // Argon2 runs outside any transaction: it is slow and must not hold the SQLite lock.
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    const refusedByPolicy = Boolean(user && passwordOk && !passwordSignInAllowed(this.config, user.role));
    const succeeded = Boolean(user && passwordOk && !user.disabled) && !refusedByPolicy;
    await this.db.write((m) =>
      m.insert(LoginAttemptEntity, { id: randomUUID(), email: input.email, ip, succeeded, at: nowIso() }),
    );
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
    const token = await this.sessions.create(user.id, userAgent);
    return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  private async assertNotRateLimited(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60_000).toISOString();
    const [byAccount, byIp] = await this.db.read(async (m) => [
      await m.countBy(LoginAttemptEntity, { email, succeeded: false, at: MoreThan(since) }),
      await m.countBy(LoginAttemptEntity, { ip, succeeded: false, at: MoreThan(since) }),
    ]);
    if (byAccount >= this.config.LOGIN_MAX_FAILURES || byIp >= this.config.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR) {
      this.log.warn({ event: 'login-throttled', email, ip }, 'sign-in throttled');
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many failed sign-ins; try again in ${this.config.LOGIN_WINDOW_MINUTES} minutes`,
      );
    }
  }
}
