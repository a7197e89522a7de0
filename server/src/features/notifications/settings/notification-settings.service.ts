import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  type NotificationSettings,
  type VersionedNotificationSettings,
} from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../auth/actor';
import type { Database } from '../../../db/database';
import { SettingsDocument } from '../../settings/settings-document';

const NOTIFICATIONS = new SettingsDocument(
  'notifications',
  'Notification settings',
  NotificationSettingsSchema,
  DEFAULT_NOTIFICATION_SETTINGS,
);

/** The organisation's default time zone and the switches for digests and reminders. */
export class NotificationSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedNotificationSettings> {
    return this.db.read((m) => NOTIFICATIONS.read(m));
  }

  update(actor: Actor, version: number, settings: NotificationSettings): Promise<VersionedNotificationSettings> {
    return this.db.write((m) => NOTIFICATIONS.save(m, actor, version, settings));
  }
}

export const readNotificationSettings = (m: EntityManager): Promise<VersionedNotificationSettings> =>
  NOTIFICATIONS.read(m);
