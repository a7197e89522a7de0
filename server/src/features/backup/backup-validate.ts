import { z } from 'zod';
import type { ValidationIssue } from '@keyline/shared';
import { AppError } from '../../http/app-error';
import type { BackupColumn, BackupTable } from './backup-tables';

export type BackupRow = Record<string, unknown>;

/** The document as `GET /api/backup` writes it: rows are keyed by table, columns by entity property. */
export const BackupDocumentSchema = z.strictObject({
  format: z.literal('keyline-backup', { message: 'Not a Keyline backup (format must be "keyline-backup")' }),
  schemaVersion: z.string().max(200),
  tables: z.record(z.string().max(100), z.array(z.record(z.string(), z.unknown()))),
});
export type BackupDocument = z.infer<typeof BackupDocumentSchema>;

const MAX_ISSUES = 50;

/**
 * Checks a whole backup before anything is written: the schema version, the
 * set of tables, every value against its column, primary keys, unique
 * indexes, foreign keys (within the document) and self-references without
 * cycles. Returns each table's rows in an insertable order; throws one 400
 * listing the first problems otherwise.
 */
export function validateBackup(
  doc: BackupDocument,
  tables: readonly BackupTable[],
  expectedVersion: string,
): Map<string, BackupRow[]> {
  if (doc.schemaVersion !== expectedVersion) {
    throw new AppError(
      'VALIDATION_FAILED',
      `This backup has schema ${doc.schemaVersion}; this Keyline runs ${expectedVersion}. Restore it with the Keyline version that made it.`,
      { issues: [{ path: ['schemaVersion'], message: `Expected ${expectedVersion}` }] },
    );
  }
  const issues: ValidationIssue[] = [];
  const add = (path: (string | number)[], message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  const known = new Set(tables.map((t) => t.name));
  for (const name of Object.keys(doc.tables))
    if (!known.has(name)) add(['tables', name], 'Not a table this Keyline has');
  for (const table of tables) if (!(table.name in doc.tables)) add(['tables', table.name], 'Missing from the backup');

  const keySets = new Map<string, Set<string>>();
  for (const table of tables) {
    const rows = doc.tables[table.name] ?? [];
    const schema = rowSchema(table.columns);
    rows.forEach((row, i) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          add(['tables', table.name, i, ...issue.path.map(String)], issue.message);
    });
    checkUnique(rows, table.primaryKey, (i) =>
      add(['tables', table.name, i, table.primaryKey.join('+')], 'Duplicate primary key'),
    );
    for (const columns of table.uniques) {
      checkUnique(rows, columns, (i) =>
        add(['tables', table.name, i, columns.join('+')], 'Duplicate value where the database requires unique ones'),
      );
    }
    if (table.primaryKey.length === 1)
      keySets.set(table.name, new Set(rows.map((r) => String(r[table.primaryKey[0] ?? '']))));
  }
  if (issues.length) throw invalid(issues);

  for (const table of tables) {
    (doc.tables[table.name] ?? []).forEach((row, i) => {
      for (const fk of table.foreignKeys) {
        const value = row[fk.column];
        const targets = keySets.get(fk.table);
        if (value === null || value === undefined || !targets) continue;
        if (!targets.has(String(value)))
          add(['tables', table.name, i, fk.column], `Refers to a row of ${fk.table} that is not in the backup`);
      }
    });
  }
  if (issues.length) throw invalid(issues);

  const ordered = new Map<string, BackupRow[]>();
  for (const table of tables) ordered.set(table.name, parentsFirst(table, doc.tables[table.name] ?? [], add));
  if (issues.length) throw invalid(issues);
  return ordered;
}

function rowSchema(columns: readonly BackupColumn[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    let s: z.ZodType;
    if (c.kind === 'string') s = c.maxLength ? z.string().max(c.maxLength) : z.string();
    else if (c.kind === 'integer') s = z.number().int();
    else if (c.kind === 'number') s = z.number();
    else if (c.kind === 'boolean') s = z.boolean();
    else s = z.json();
    shape[c.name] = c.nullable ? s.nullable() : c.kind === 'json' ? z.json().refine((v) => v !== null, 'Required') : s;
  }
  return z.strictObject(shape);
}

function checkUnique(rows: readonly BackupRow[], columns: readonly string[], report: (row: number) => void): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const values = columns.map((c) => row[c]);
    if (values.some((v) => v === null || v === undefined)) return;
    const key = JSON.stringify(values);
    if (seen.has(key)) report(i);
    seen.add(key);
  });
}

/** A table that refers to itself (objectives.parentId) is inserted parents first; a cycle is an error. */
function parentsFirst(
  table: BackupTable,
  rows: BackupRow[],
  add: (path: (string | number)[], message: string) => void,
): BackupRow[] {
  const selfKeys = table.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => fk.column);
  const pk = table.primaryKey[0];
  if (selfKeys.length === 0 || !pk) return rows;
  const pending = new Map(rows.map((r) => [String(r[pk]), r]));
  const done = new Set<string>();
  const ordered: BackupRow[] = [];
  while (pending.size) {
    const before = ordered.length;
    for (const [id, row] of pending) {
      const parents = selfKeys
        .map((c) => row[c])
        .filter((v) => v !== null && v !== undefined)
        .map(String);
      if (parents.every((p) => done.has(p) || p === id)) {
        ordered.push(row);
        done.add(id);
        pending.delete(id);
      }
    }
    if (ordered.length === before) {
      add(['tables', table.name], `Rows refer to each other in a cycle (${selfKeys.join(', ')})`);
      return rows;
    }
  }
  return ordered;
}

function invalid(issues: ValidationIssue[]): AppError {
  const first = issues[0];
  return new AppError(
    'VALIDATION_FAILED',
    `The backup is not valid, so nothing was restored. ${issues.length}${issues.length === MAX_ISSUES ? '+' : ''} problem(s); first: ${first?.path.join('.')}: ${first?.message}`,
    { issues },
  );
}
