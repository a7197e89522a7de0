import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/*
 * Bulk statements for imports and restores, built from the entity metadata
 * and sent as plain parameterised SQL. TypeORM's query builder spends most
 * of a 10,000-row import on its own parameter bookkeeping (measured: 3–5 s
 * against under 1 s this way); values still go through the
 * driver's own conversion (JSON columns, booleans on SQLite), so rows read
 * back exactly as if TypeORM had written them.
 */

/** Both databases cap bound parameters per statement (SQLite 32,766; PostgreSQL 65,535). */
const PARAMS_PER_STATEMENT = 10_000;

function placeholders(m: EntityManager): () => string {
  const numbered = m.connection.driver.options.type === 'postgres';
  let n = 0;
  return () => (numbered ? `$${++n}` : '?');
}

function persistent(m: EntityManager, column: ColumnMetadata, row: ObjectLiteral): unknown {
  return m.connection.driver.preparePersistentValue(column.getEntityValue(row) ?? null, column) ?? null;
}

/** INSERT of many rows per statement. */
export async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(entity);
  const esc = (name: string) => m.connection.driver.escape(name);
  const names = meta.columns.map((c) => esc(c.databaseName)).join(', ');
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / meta.columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const next = placeholders(m);
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      const cells = meta.columns.map((c) => {
        params.push(persistent(m, c, row));
        return next();
      });
      return `(${cells.join(', ')})`;
    });
    await m.query(`INSERT INTO ${esc(meta.tableName)} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** The rows whose `property` is one of `values`, as entities (JSON parsed, booleans as booleans). */
export async function selectWhereIn<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  property: string,
  values: readonly unknown[],
): Promise<T[]> {
  const meta = m.connection.getMetadata(entity);
  const driver = m.connection.driver;
  const column = meta.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${meta.tableName} has no column ${property}`);
  const names = meta.columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const found: T[] = [];
  for (let i = 0; i < values.length; i += PARAMS_PER_STATEMENT) {
    const chunk = values.slice(i, i + PARAMS_PER_STATEMENT);
    const next = placeholders(m);
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT ${names} FROM ${driver.escape(meta.tableName)} WHERE ${driver.escape(column.databaseName)} IN (${chunk.map(() => next()).join(', ')})`,
      [...chunk],
    );
    for (const raw of rows) {
      const row: Record<string, unknown> = {};
      for (const c of meta.columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
      found.push(row as T);
    }
  }
  return found;
}

export interface VersionedRowUpdate {
  id: string;
  /** The version the caller read: a row changed since then is not updated. */
  version: number;
  /** The row's new values for every property being set. */
  values: ObjectLiteral;
}

/**
 * Conditional updates of many rows: set `properties` and `updatedAt`, bump
 * `version`, only where id and version still match. Returns how many rows
 * changed, so the caller can tell that someone else edited one meanwhile.
 * PostgreSQL gets many rows per statement (`UPDATE … FROM (VALUES …)`, one
 * round trip per 500 rows); SQLite plans that as a scan of the whole table,
 * so there each row is one cached prepared statement (no round trip).
 */
export async function updateVersionedRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  properties: readonly string[],
  updates: readonly VersionedRowUpdate[],
  updatedAt: string,
): Promise<number> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('updateVersionedRows runs inside a transaction (db.write)');
  const meta = m.connection.getMetadata(entity);
  const esc = (name: string) => m.connection.driver.escape(name);
  const column = (property: string) => {
    const found = meta.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${meta.tableName} has no column ${property}`);
    return found;
  };
  const [id, version, stamp] = [column('id'), column('version'), column('updatedAt')];
  const set = properties.map(column);
  const table = esc(meta.tableName);
  const bump = `${esc(version.databaseName)} = ${esc(version.databaseName)} + 1`;
  let affected = 0;

  if (m.connection.driver.options.type !== 'postgres') {
    const sql =
      `UPDATE ${table} SET ${[...set, stamp].map((c) => `${esc(c.databaseName)} = ?`).join(', ')}, ${bump} ` +
      `WHERE ${esc(id.databaseName)} = ? AND ${esc(version.databaseName)} = ?`;
    for (const u of updates) {
      const result = await runner.query(
        sql,
        [...set.map((c) => persistent(m, c, u.values)), updatedAt, u.id, u.version],
        true,
      );
      affected += result.affected ?? 0;
    }
    return affected;
  }

  // VALUES columns are named column1, column2, … ; the casts give PostgreSQL their types.
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / (set.length + 2)));
  for (let i = 0; i < updates.length; i += perStatement) {
    const next = placeholders(m);
    const params: unknown[] = [updatedAt];
    const assignments = [
      ...set.map((c, k) => `${esc(c.databaseName)} = v.column${k + 3}`),
      `${esc(stamp.databaseName)} = ${next()}`,
      bump,
    ];
    const tuples = updates.slice(i, i + perStatement).map((u) => {
      params.push(u.id, u.version, ...set.map((c) => persistent(m, c, u.values)));
      return `(${[id, version, ...set].map((c) => `CAST(${next()} AS ${String(c.type)})`).join(', ')})`;
    });
    const sql =
      `UPDATE ${table} SET ${assignments.join(', ')} FROM (VALUES ${tuples.join(', ')}) AS v ` +
      `WHERE ${table}.${esc(id.databaseName)} = v.column1 AND ${table}.${esc(version.databaseName)} = v.column2`;
    const result = await runner.query(sql, params, true);
    affected += result.affected ?? 0;
  }
  return affected;
}
