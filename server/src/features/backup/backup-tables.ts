import type { EntityManager, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { ENTITIES, MIGRATIONS } from '../../schema';

/**
 * Tables a backup leaves out, and why. Every other entity in ENTITIES is
 * backed up and restored by the same generic code, so a table added later is
 * carried without anyone remembering to add it here.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'Sign-ins belong to the installation they were made on; everyone signs in again after a restore.',
  login_attempts: 'A short-lived rate-limiter log, not organisation data.',
  scheduled_jobs: 'When this installation last ran each job; a restored one starts its schedules afresh.',
  leases: 'Which process of this installation holds a piece of work right now.',
  outbox_messages: 'Messages this installation has sent or is sending; a restore must not send them again.',
  notification_marks:
    'Which reminders and digests this installation sent; a restored one starts afresh (at worst this week’s digest goes out once more).',
  watch_states:
    'What the change watcher last reported (KR statuses, item flags); a restored installation takes a fresh baseline instead of reporting the restore as changes.',
  oidc_login_states: 'Single sign-ins in flight (ten minutes at most).',
  sso_sessions: 'Belong to sessions, which are not carried either.',
  integration_secrets:
    'Tracker tokens and webhook secrets never leave the installation: after a restore each connection asks for its token again.',
};

/**
 * Tables a fresh installation already fills before anyone restores: the
 * restoring admin, their audit trail, start-up settings. A restore replaces
 * their rows with the backup's; every other table must be empty.
 */
export const REPLACED_ON_RESTORE = new Set(['users', 'audit_events', 'settings']);

export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean' | 'json';

export interface BackupColumn {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  maxLength: number | null;
}

export interface BackupTable {
  name: string;
  entity: EntityTarget<object>;
  columns: BackupColumn[];
  primaryKey: string[];
  /** Column sets that must be unique (nulls excepted), from the database's own indexes. */
  uniques: string[][];
  /** Foreign keys, read from the database: the entities declare no relations. */
  foreignKeys: { column: string; table: string }[];
}

/** The last migration: a backup restores only into the schema it was taken from. */
export function schemaVersion(): string {
  const names = MIGRATIONS.map((M) => (new M() as { name?: string }).name ?? M.name);
  const stamp = (name: string) => Number(/(\d{13})$/.exec(name)?.[1] ?? 0);
  return names.sort((a, b) => stamp(a) - stamp(b)).at(-1) ?? 'none';
}

/**
 * The backed-up tables in an order where every table comes after the tables
 * it refers to (so inserting in this order never breaks a foreign key).
 * Foreign keys and unique indexes come from the live schema, column types
 * from the entities; a column type the backup cannot carry fails loudly.
 */
export async function describeBackupTables(m: EntityManager): Promise<BackupTable[]> {
  const included = ENTITIES.map((entity) => ({ entity, metadata: m.connection.getMetadata(entity) })).filter(
    ({ metadata }) => !(metadata.tableName in EXCLUDED_TABLES),
  );
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  let schema;
  try {
    schema = await runner.getTables(included.map(({ metadata }) => metadata.tableName));
  } finally {
    if (!m.queryRunner) await runner.release();
  }
  const bare = (name: string) => name.slice(name.lastIndexOf('.') + 1);
  const live = new Map(schema.map((t) => [bare(t.name), t]));
  const tables = included.map(({ entity, metadata }): BackupTable => {
    const table = live.get(metadata.tableName);
    if (!table)
      throw new Error(
        `Backup: table ${metadata.tableName} is in ENTITIES but not in the database (a migration is missing)`,
      );
    const byDbName = new Map(metadata.columns.map((c) => [c.databaseName, c.propertyName]));
    const prop = (dbName: string) => byDbName.get(dbName) ?? dbName;
    return {
      name: metadata.tableName,
      entity,
      columns: metadata.columns.map((c) => toBackupColumn(metadata.tableName, c)),
      primaryKey: metadata.primaryColumns.map((c) => c.propertyName),
      uniques: [
        ...table.indices.filter((i) => i.isUnique).map((i) => i.columnNames.map(prop)),
        ...table.uniques.map((u) => u.columnNames.map(prop)),
      ],
      foreignKeys: table.foreignKeys.flatMap((fk) =>
        fk.columnNames.length === 1 && fk.columnNames[0]
          ? [{ column: prop(fk.columnNames[0]), table: bare(fk.referencedTableName) }]
          : [],
      ),
    };
  });
  return dependencyOrder(tables);
}

function toBackupColumn(table: string, c: ColumnMetadata): BackupColumn {
  const base = { name: c.propertyName, nullable: c.isNullable, maxLength: c.length ? Number(c.length) : null };
  // JsonColumn is the only column with a transformer: text in the database, any JSON value in the document.
  if (c.transformer && c.type === 'text') return { ...base, kind: 'json', maxLength: null };
  switch (c.type) {
    case 'varchar':
    case 'text':
      return { ...base, kind: 'string' };
    case 'integer':
      return { ...base, kind: 'integer' };
    case 'double precision':
      return { ...base, kind: 'number' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    default:
      throw new Error(
        `Backup cannot carry ${table}.${c.propertyName} of type ${String(c.type)}: teach server/src/features/backup/backup-tables.ts this type`,
      );
  }
}

/** Kahn's algorithm over foreign keys between tables; ties keep ENTITIES order. Self-references are ordered row by row. */
function dependencyOrder(tables: BackupTable[]): BackupTable[] {
  const names = new Set(tables.map((t) => t.name));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) =>
        !placed.has(t.name) &&
        t.foreignKeys.every((fk) => fk.table === t.name || !names.has(fk.table) || placed.has(fk.table)),
    );
    if (!next) throw new Error('Backup: the foreign keys between tables form a cycle; restore order cannot be decided');
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}
