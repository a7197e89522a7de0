import {
  DEFAULT_LIFECYCLE_SETTINGS,
  LifecycleSettingsSchema,
  type LifecycleSettings,
  type VersionedLifecycleSettings,
} from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/database';
import { SettingsDocument } from '../settings/settings-document';

const LIFECYCLE = new SettingsDocument(
  'lifecycle',
  'Lifecycle settings',
  LifecycleSettingsSchema,
  DEFAULT_LIFECYCLE_SETTINGS,
);

/** The check-in cadence (and later other quarter rules): one settings row, versioned like any row. */
export class LifecycleSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedLifecycleSettings> {
    return this.db.read((m) => LIFECYCLE.read(m));
  }

  update(actor: Actor, version: number, settings: LifecycleSettings): Promise<VersionedLifecycleSettings> {
    return this.db.write((m) => LIFECYCLE.save(m, actor, version, settings));
  }
}

/** Version 0 = the row is missing (defaults); the migration writes version 1 with the defaults. */
export const readLifecycleSettings = (m: EntityManager): Promise<VersionedLifecycleSettings> => LIFECYCLE.read(m);
