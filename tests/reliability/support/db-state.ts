import { createHash } from 'node:crypto';
import type { Database } from '../../../server/src/db/database';

/**
 * Columns that change on a request without anything being written on the
 * caller's behalf: a session's last-seen time and a token's last use are
 * refreshed at most once a minute by whoever shows them.
 */
export const VOLATILE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  sessions: ['lastSeenAt'],
  api_tokens: ['lastUsedAt'],
  scim_tokens: ['lastUsedAt'],
};

/** Per table: its row count and a hash of every row, read straight from the database. */
export type DatabaseState = Record<string, { rows: number; hash: string }>;

export interface StateOptions {
  /** Tables to leave out, e.g. `login_attempts` where a rejected sign-in is rightly logged. */
  skipTables?: readonly string[];
}

/**
 * The whole stored state, every table the entities declare and every column
 * but the volatile ones, in primary-key order. Unlike the API's view this
 * sees rows no route shows (sessions, tokens, settings, the audit trail).
 */
export async function captureDatabaseState(db: Database, options: StateOptions = {}): Promise<DatabaseState> {
  const skip = new Set(options.skipTables ?? []);
  const metas = db.dataSource.entityMetadatas.filter((m) => !skip.has(m.tableName));
  const escape = (name: string) => db.dataSource.driver.escape(name);
  return db.read(async (m) => {
    const state: DatabaseState = {};
    for (const meta of metas) {
      const volatile = new Set(VOLATILE_COLUMNS[meta.tableName] ?? []);
      const columns = meta.columns.map((c) => c.databaseName).filter((c) => !volatile.has(c));
      const order = meta.primaryColumns.map((c) => escape(c.databaseName)).join(', ');
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT ${columns.map(escape).join(', ')} FROM ${escape(meta.tableName)} ORDER BY ${order}`,
      );
      const hash = createHash('sha256');
      for (const row of rows) hash.update(JSON.stringify(columns.map((c) => row[c] ?? null))).update('\n');
      state[meta.tableName] = { rows: rows.length, hash: hash.digest('hex') };
    }
    return state;
  });
}

/** The tables whose content differs, with their row counts before → after. */
export function changedTables(before: DatabaseState, after: DatabaseState): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n]?.hash !== after[n]?.hash)
    .map((n) => `${n} (${before[n]?.rows ?? 0} → ${after[n]?.rows ?? 0} rows)`);
}

/**
 * SQLite's own check of the file and of every foreign key: `ok` when sound.
 * PostgreSQL enforces its constraints on every write and has no file check
 * of this kind, so there the foreign keys are checked by the constraints
 * themselves and this answers `ok`.
 */
export async function integrityCheck(db: Database): Promise<string> {
  if (db.kind !== 'sqlite') return 'ok';
  return db.read(async (m) => {
    const integrity: { integrity_check: string }[] = await m.query('PRAGMA integrity_check');
    const orphans: { table: string; parent: string }[] = await m.query('PRAGMA foreign_key_check');
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    for (const o of orphans) problems.push(`orphan row in ${o.table} (missing ${o.parent})`);
    return problems.length ? problems.join('; ') : 'ok';
  });
}

/** Every row of every table as text: for searching the stored data for something that must not be there. */
export async function dumpDatabaseText(db: Database): Promise<string> {
  const escape = (name: string) => db.dataSource.driver.escape(name);
  return db.read(async (m) => {
    const parts: string[] = [];
    for (const meta of db.dataSource.entityMetadatas) {
      const rows: unknown[] = await m.query(`SELECT * FROM ${escape(meta.tableName)}`);
      parts.push(`${meta.tableName}: ${JSON.stringify(rows)}`);
    }
    return parts.join('\n');
  });
}
