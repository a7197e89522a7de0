import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import { versionConflict } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { SettingEntity } from './setting.entity';

export interface Versioned<T> {
  /** The document's key doubles as its id, so ETags and If-Match work as for any row. */
  id: string;
  /** 0 = never saved: the defaults. */
  version: number;
  settings: T;
}

/**
 * One workspace settings document (a row of `settings`): read with defaults
 * filled in, saved with the same optimistic concurrency and audit as any row.
 */
export class SettingsDocument<T> {
  constructor(
    readonly key: string,
    /** For messages: "Scoring settings was changed by someone else…" */
    private readonly label: string,
    private readonly schema: z.ZodType<T>,
    private readonly defaults: T,
  ) {}

  async read(m: EntityManager): Promise<Versioned<T>> {
    const row = await m.findOneBy(SettingEntity, { key: this.key });
    if (!row) return { id: this.key, version: 0, settings: this.defaults };
    // A document saved by an older release may lack newer fields: those take their defaults.
    const parsed = this.schema.safeParse({ ...(this.defaults as object), ...(row.value as object) });
    return { id: this.key, version: row.version, settings: parsed.success ? parsed.data : this.defaults };
  }

  /** Call inside db.write. 412 when `version` is not the current one. */
  async save(m: EntityManager, actor: Actor, version: number, settings: T): Promise<Versioned<T>> {
    const before = await this.read(m);
    if (before.version !== version) throw versionConflict(this.label, before);
    const now = nowIso();
    if (before.version === 0) {
      await m.insert(SettingEntity, { key: this.key, value: settings as never, version: 1, updatedAt: now });
    } else {
      const result = await m
        .createQueryBuilder()
        .update(SettingEntity)
        .set({ value: settings as never, updatedAt: now, version: () => 'version + 1' })
        .where('key = :key AND version = :version', { key: this.key, version })
        .execute();
      if (result.affected !== 1) throw versionConflict(this.label, await this.read(m));
    }
    const after = await this.read(m);
    await recordAudit(m, actor, 'setting', this.key, 'update', before.settings, after.settings);
    return after;
  }
}
