import {
  DEFAULT_LIFECYCLE_SETTINGS,
  LifecycleSettingsSchema,
  type LifecycleSettings,
  type VersionedLifecycleSettings,
} from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { versionConflict } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { SettingEntity } from '../settings/setting.entity';

const KEY = 'lifecycle';

/** The check-in cadence (and later other quarter rules): one settings row, versioned like any row. */
export class LifecycleSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedLifecycleSettings> {
    return this.db.read((m) => readLifecycleSettings(m));
  }

  update(actor: Actor, version: number, settings: LifecycleSettings): Promise<VersionedLifecycleSettings> {
    return this.db.write(async (m) => {
      const before = await readLifecycleSettings(m);
      if (before.version !== version) throw versionConflict('Lifecycle settings', before);
      const now = nowIso();
      if (before.version === 0) {
        await m.insert(SettingEntity, { key: KEY, value: settings, version: 1, updatedAt: now });
      } else {
        const result = await m
          .createQueryBuilder()
          .update(SettingEntity)
          .set({ value: settings, updatedAt: now, version: () => 'version + 1' })
          .where('key = :key AND version = :version', { key: KEY, version })
          .execute();
        if (result.affected !== 1) throw versionConflict('Lifecycle settings', await readLifecycleSettings(m));
      }
      const after = await readLifecycleSettings(m);
      await recordAudit(m, actor, 'setting', KEY, 'update', before.settings, after.settings);
      return after;
    });
  }
}

/** Version 0 = the row is missing (defaults); the migration writes version 1 with the defaults. */
export async function readLifecycleSettings(m: EntityManager): Promise<VersionedLifecycleSettings> {
  const row = await m.findOneBy(SettingEntity, { key: KEY });
  if (!row) return { id: KEY, version: 0, settings: DEFAULT_LIFECYCLE_SETTINGS };
  const parsed = LifecycleSettingsSchema.safeParse({ ...DEFAULT_LIFECYCLE_SETTINGS, ...(row.value as object) });
  return { id: KEY, version: row.version, settings: parsed.success ? parsed.data : DEFAULT_LIFECYCLE_SETTINGS };
}
