import { NOTIFICATION_KIND_LABELS, type UnsubscribeInfo } from '@keyline/shared';
import type { Database } from '../../../db/database';
import { AppError } from '../../../http/app-error';
import { recordAudit } from '../../audit/audit.recorder';
import { UserEntity } from '../../users/user.entity';
import { resolvePreferences, switchOff } from './preferences.service';
import type { UnsubscribeTokens } from './unsubscribe-token';

const invalid = () =>
  new AppError(
    'NOT_FOUND',
    'This unsubscribe link is not valid (it may have been cut short); sign in to change your settings',
  );

/** The one-click unsubscribe of every e-mail: works without signing in, for one kind of message. */
export class UnsubscribeService {
  constructor(
    private readonly db: Database,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async info(token: string): Promise<UnsubscribeInfo> {
    await this.tokens.ensure(this.db);
    return this.db.read(async (m) => {
      const who = this.tokens.verify(token);
      const user = who ? await m.findOneBy(UserEntity, { id: who.userId }) : null;
      if (!who || !user) throw invalid();
      const [prefs] = await resolvePreferences(m, [user.id]);
      return describe(who.kind, user.email, prefs?.kinds[who.kind] === 'email');
    });
  }

  /** Switches the kind off for that person (any channel): idempotent, so a mail client may POST twice. */
  unsubscribe(token: string): Promise<UnsubscribeInfo> {
    return this.db.write(async (m) => {
      await this.tokens.load(m);
      const who = this.tokens.verify(token);
      const user = who ? await m.findOneBy(UserEntity, { id: who.userId }) : null;
      if (!who || !user) throw invalid();
      const before = (await resolvePreferences(m, [user.id]))[0]?.kinds;
      if (await switchOff(m, user.id, who.kind)) {
        const actor = { id: user.id, name: user.name, email: user.email, role: user.role };
        await recordAudit(
          m,
          actor,
          'notificationPreferences',
          user.id,
          'update',
          { kinds: before },
          {
            kinds: (await resolvePreferences(m, [user.id]))[0]?.kinds,
            via: 'unsubscribe link',
          },
        );
      }
      return describe(who.kind, user.email, false);
    });
  }
}

function describe(kind: UnsubscribeInfo['kind'], email: string, subscribed: boolean): UnsubscribeInfo {
  return { kind, label: NOTIFICATION_KIND_LABELS[kind], email: maskEmail(email), subscribed };
}

/** a***@example.com: enough to recognise, not enough to harvest from a forwarded link. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
