import {
  DEFAULT_SCORING_SETTINGS,
  ScoringSettingsSchema,
  type ScoringSettings,
} from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { versionConflict } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { SettingEntity } from '../settings/setting.entity';

const KEY = 'scoring';

export interface VersionedScoringSettings {
  /** A settings document is one row; its id is its key, so ETags work like any row. */
  id: string;
  version: number;
  settings: ScoringSettings;
}

/** The workspace's scoring framework, weights and flag thresholds (defaults until an admin saves). */
export class ScoringSettingsService {
  constructor(private readonly db: Database) {}

  get(): Promise<VersionedScoringSettings> {
    return this.db.read((m) => readSettings(m));
  }

  /** Saving bumps the database generation, so every score is recomputed on the next read. */
  update(actor: Actor, version: number, settings: ScoringSettings): Promise<VersionedScoringSettings> {
    return this.db.write(async (m) => {
      const before = await readSettings(m);
      if (before.version !== version) throw versionConflict('Scoring settings', before);
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
        if (result.affected !== 1) throw versionConflict('Scoring settings', await readSettings(m));
      }
      const after = await readSettings(m);
      await recordAudit(m, actor, 'setting', KEY, 'update', before.settings, after.settings);
      return after;
    });
  }
}

/** Version 0 means "never saved: the defaults". */
export async function readSettings(m: EntityManager): Promise<VersionedScoringSettings> {
  const row = await m.findOneBy(SettingEntity, { key: KEY });
  if (!row) return { id: KEY, version: 0, settings: DEFAULT_SCORING_SETTINGS };
  // Stored settings from an older release may lack newer fields: fall back to defaults for those.
  const parsed = ScoringSettingsSchema.safeParse({ ...DEFAULT_SCORING_SETTINGS, ...(row.value as object) });
  return { id: KEY, version: row.version, settings: parsed.success ? parsed.data : DEFAULT_SCORING_SETTINGS };
}
