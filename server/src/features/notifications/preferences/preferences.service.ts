import { In, type EntityManager } from 'typeorm';
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KINDS,
  type DeliveryChoices,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
} from '@keyline/shared';
import type { Actor } from '../../../auth/actor';
import { nowIso } from '../../../db/columns';
import type { Database } from '../../../db/database';
import { invalidField, notFound, versionConflict } from '../../../http/app-error';
import { recordAudit } from '../../audit/audit.recorder';
import { TeamEntity } from '../../teams/team.entity';
import { UserEntity } from '../../users/user.entity';
import { readNotificationSettings } from '../settings/notification-settings.service';
import { NotificationPreferenceEntity } from './notification-preference.entity';

/** A person's choices with the defaults filled in: what the notifier and the digest read. */
export interface ResolvedPreferences {
  userId: string;
  kinds: DeliveryChoices;
  timeZone: string;
  teamIds: string[];
  version: number;
  explicitTimeZone: string | null;
}

export interface ChannelAvailability {
  email: boolean;
  /** Whether a chat message for this person (their teams') would reach a channel. */
  chatFor(m: EntityManager, teamIds: readonly string[]): Promise<boolean>;
}

/** Each person's own choices: per kind e-mail, chat or none; their time zone; the teams they follow. */
export class PreferencesService {
  constructor(
    private readonly db: Database,
    private readonly channels: ChannelAvailability,
  ) {}

  get(actor: Actor): Promise<NotificationPreferences> {
    return this.db.read((m) => this.toDto(m, actor.id));
  }

  update(actor: Actor, version: number, input: UpdateNotificationPreferencesInput): Promise<NotificationPreferences> {
    return this.db.write(async (m) => {
      const before = await this.toDto(m, actor.id);
      if (before.version !== version) throw versionConflict('Your notification settings', before);
      if (input.teamIds?.length) {
        const found = await m.countBy(TeamEntity, { id: In(input.teamIds) });
        if (found !== input.teamIds.length) throw invalidField('teamIds', 'No such team');
      }
      const row: NotificationPreferenceEntity = {
        userId: actor.id,
        kinds: { ...before.kinds, ...input.kinds },
        timeZone: input.timeZone === undefined ? before.timeZone : input.timeZone,
        teamIds: input.teamIds ?? before.teamIds,
        version: version + 1,
        updatedAt: nowIso(),
      };
      if (version === 0) await m.insert(NotificationPreferenceEntity, row);
      else {
        const result = await m
          .createQueryBuilder()
          .update(NotificationPreferenceEntity)
          .set({
            kinds: row.kinds,
            timeZone: row.timeZone,
            teamIds: row.teamIds,
            version: row.version,
            updatedAt: row.updatedAt,
          })
          .where('"userId" = :id AND version = :version', { id: actor.id, version })
          .execute();
        if (result.affected !== 1) throw versionConflict('Your notification settings', await this.toDto(m, actor.id));
      }
      const after = await this.toDto(m, actor.id);
      await recordAudit(m, actor, 'notificationPreferences', actor.id, 'update', pick(before), pick(after));
      return after;
    });
  }

  private async toDto(m: EntityManager, userId: string): Promise<NotificationPreferences> {
    const user = await m.findOneBy(UserEntity, { id: userId });
    if (!user) throw notFound('User');
    const [resolved] = await resolvePreferences(m, [userId]);
    const prefs = resolved as ResolvedPreferences;
    return {
      id: userId,
      version: prefs.version,
      email: user.email,
      kinds: prefs.kinds,
      timeZone: prefs.explicitTimeZone,
      effectiveTimeZone: prefs.timeZone,
      teamIds: prefs.teamIds,
      emailAvailable: this.channels.email,
      chatAvailable: await this.channels.chatFor(m, prefs.teamIds),
    };
  }
}

const pick = (p: NotificationPreferences) => ({ kinds: p.kinds, timeZone: p.timeZone, teamIds: p.teamIds });

/** The choices of these users, defaults filled in (in the order asked). */
export async function resolvePreferences(m: EntityManager, userIds: readonly string[]): Promise<ResolvedPreferences[]> {
  const { defaultTimeZone } = (await readNotificationSettings(m)).settings;
  const rows = new Map<string, NotificationPreferenceEntity>();
  for (let i = 0; i < userIds.length; i += 500) {
    for (const row of await m.findBy(NotificationPreferenceEntity, { userId: In(userIds.slice(i, i + 500)) })) {
      rows.set(row.userId, row);
    }
  }
  return userIds.map((userId) => {
    const row = rows.get(userId);
    const kinds = { ...DEFAULT_DELIVERY };
    for (const kind of NOTIFICATION_KINDS) {
      const choice = row?.kinds[kind];
      if (choice) kinds[kind] = choice;
    }
    return {
      userId,
      kinds,
      timeZone: row?.timeZone ?? defaultTimeZone,
      explicitTimeZone: row?.timeZone ?? null,
      teamIds: row?.teamIds ?? [],
      version: row?.version ?? 0,
    };
  });
}

/** Switches one kind off for a person (the one-click unsubscribe), keeping the rest. Inside a write. */
export async function switchOff(m: EntityManager, userId: string, kind: keyof DeliveryChoices): Promise<boolean> {
  const [current] = await resolvePreferences(m, [userId]);
  if (!current || current.kinds[kind] === 'none') return false;
  const kinds = { ...current.kinds, [kind]: 'none' as const };
  const now = nowIso();
  if (current.version === 0) {
    await m.insert(NotificationPreferenceEntity, {
      userId,
      kinds,
      timeZone: null,
      teamIds: [],
      version: 1,
      updatedAt: now,
    });
  } else {
    await m
      .createQueryBuilder()
      .update(NotificationPreferenceEntity)
      .set({ kinds, updatedAt: now, version: () => 'version + 1' })
      .where('"userId" = :userId', { userId })
      .execute();
  }
  return true;
}
