import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import { insertRows } from '../imports/bulk-sql';
import { UserEntity } from '../users/user.entity';
import { describeBackupTables, REPLACED_ON_RESTORE, schemaVersion, type BackupTable } from './backup-tables';
import { validateBackup, type BackupDocument, type BackupRow } from './backup-validate';

export interface RestoreResult {
  restored: Record<string, number>;
}

/**
 * The whole organisation as one JSON document, and back. The document is
 * deterministic (tables in foreign-key order, rows sorted by primary key, no
 * timestamp of its own), so backup → restore → backup gives the same bytes,
 * whichever database each side runs on.
 */
export class BackupService {
  constructor(private readonly db: Database) {}

  backup(): Promise<BackupDocument> {
    return this.db.write(async (m) => {
      // One snapshot for every table: PostgreSQL would otherwise let each SELECT see a different moment.
      if (this.db.kind === 'postgres') await m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const tables: Record<string, BackupRow[]> = {};
      for (const table of await describeBackupTables(m)) tables[table.name] = await readTable(m, table);
      return { format: 'keyline-backup' as const, schemaVersion: schemaVersion(), tables };
    });
  }

  /**
   * Into an empty installation only: its one user must be the admin who
   * restores. That admin, their audit trail and start-up settings are
   * replaced by the backup's, so they sign in again with an account from the
   * backup. Validated completely before the first write, then one transaction.
   */
  restore(actor: Actor, doc: BackupDocument): Promise<RestoreResult> {
    return this.db.write(async (m) => {
      const tables = await describeBackupTables(m);
      const rows = validateBackup(doc, tables, schemaVersion());
      if (!(rows.get('users') ?? []).some((u) => u.role === 'admin' && u.disabled === false)) {
        throw new AppError(
          'VALIDATION_FAILED',
          'The backup has no enabled admin: nobody could sign in to the restored organisation',
          {
            issues: [{ path: ['tables', 'users'], message: 'Needs at least one enabled admin' }],
          },
        );
      }
      await assertEmpty(m, tables, actor);
      for (const table of [...tables].reverse()) {
        if (REPLACED_ON_RESTORE.has(table.name)) await m.createQueryBuilder().delete().from(table.entity).execute();
      }
      const restored: Record<string, number> = {};
      for (const table of tables) {
        const list = rows.get(table.name) ?? [];
        await insertRows(m, table.entity, list);
        restored[table.name] = list.length;
      }
      return { restored };
    });
  }
}

async function readTable(m: EntityManager, table: BackupTable): Promise<BackupRow[]> {
  const entities = (await m.find(table.entity)) as Record<string, unknown>[];
  const rows = entities.map((e) => Object.fromEntries(table.columns.map((c) => [c.name, e[c.name] ?? null])));
  // Sorted here, not in SQL: the two databases collate text differently.
  const key = (r: BackupRow) => table.primaryKey.map((c) => String(r[c]));
  return rows.sort((a, b) => compareKeys(key(a), key(b)));
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

async function assertEmpty(m: EntityManager, tables: readonly BackupTable[], actor: Actor): Promise<void> {
  const found: string[] = [];
  for (const table of tables) {
    if (REPLACED_ON_RESTORE.has(table.name)) continue;
    const count = await m.count(table.entity);
    if (count > 0) found.push(`${count} ${table.name.replace(/_/g, ' ')}`);
  }
  const others = await m.createQueryBuilder(UserEntity, 'u').where('u.id != :id', { id: actor.id }).getCount();
  if (others > 0) found.push(`${others} other user(s)`);
  if (found.length) {
    throw new AppError(
      'CONFLICT',
      `Restore only into an empty installation; this one has ${found.join(', ')}. Start Keyline on an empty database with KEYLINE_SEED=none and KEYLINE_ADMIN_EMAIL/KEYLINE_ADMIN_PASSWORD, then restore.`,
    );
  }
}
