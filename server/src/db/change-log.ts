import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ESTIMATE_FIELDS } from '@keyline/shared';

/**
 * Invalidation, declared per table: the tables whose rows feed derived data
 * (the scores), the kind of change a row is (`item`, `keyResult`, …), the
 * column that names what changed, and the columns whose change matters
 * (inserts and deletes always do). Triggers write one `change_log` row per
 * changed row, in the writing transaction; readers re-derive only what those
 * rows name. Any table not listed here — sessions, sign-in attempts, the
 * audit trail, history, jobs — invalidates nothing.
 */
export const CHANGE_SOURCES = [
  {
    table: 'backlog_items',
    kind: 'item',
    key: 'id',
    columns: ['status', 'teamId', 'rank', ...ESTIMATE_FIELDS, 'doneAt', 'archivedAt'],
    // A done item without a done date (an import) counts as done since its last change.
    alsoWhen: { column: 'updatedAt', if: `NEW."status" = 'done' AND NEW."doneAt" IS NULL` },
  },
  { table: 'backlog_links', kind: 'item', key: 'itemId', columns: ['itemId', 'keyResultId', 'strength'] },
  {
    table: 'key_results',
    kind: 'keyResult',
    key: 'id',
    columns: ['objectiveId', 'weight', 'startValue', 'targetValue', 'currentValue', 'deletedAt'],
  },
  {
    table: 'check_ins',
    kind: 'keyResult',
    key: 'keyResultId',
    columns: ['keyResultId', 'confidence', 'at', 'createdAt'],
  },
  { table: 'objectives', kind: 'objective', key: 'id', columns: ['cycleId', 'parentId', 'weight', 'deletedAt'] },
  { table: 'cycles', kind: 'cycle', key: 'id', columns: ['status', 'startsOn', 'endsOn'] },
  { table: 'settings', kind: 'settings', key: 'key', columns: ['value'] },
] as const satisfies readonly ChangeSource[];

interface ChangeSource {
  table: string;
  kind: string;
  key: string;
  columns: readonly string[];
  alsoWhen?: { column: string; if: string };
}

export type ChangeKind = (typeof CHANGE_SOURCES)[number]['kind'];

/** The PostgreSQL channel the triggers notify, with the schema as payload. */
export const CHANGE_CHANNEL = 'keyline_changes';

type Kind = 'sqlite' | 'postgres';

function updateCondition(source: ChangeSource, kind: Kind): string {
  const differs = kind === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  const parts = source.columns.map((c) => `OLD."${c}" ${differs} NEW."${c}"`);
  if (source.alsoWhen)
    parts.push(
      `(${source.alsoWhen.if} AND OLD."${source.alsoWhen.column}" ${differs} NEW."${source.alsoWhen.column}")`,
    );
  return parts.join(' OR ');
}

const POSTGRES_FUNCTION = `CREATE OR REPLACE FUNCTION keyline_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE new_key text; old_key text;
BEGIN
  IF TG_OP <> 'DELETE' THEN new_key := to_jsonb(NEW) ->> TG_ARGV[1]; END IF;
  IF TG_OP <> 'INSERT' THEN old_key := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
  IF new_key IS NOT NULL THEN INSERT INTO change_log (kind, "rowId") VALUES (TG_ARGV[0], new_key); END IF;
  IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
    INSERT INTO change_log (kind, "rowId") VALUES (TG_ARGV[0], old_key);
  END IF;
  PERFORM pg_notify('${CHANGE_CHANNEL}', current_schema());
  RETURN NULL;
END $$`;

/** The triggers, by name, as SQL for one database. */
export function changeTriggers(kind: Kind): { name: string; table: string; sql: string }[] {
  const triggers: { name: string; table: string; sql: string }[] = [];
  for (const source of CHANGE_SOURCES as readonly ChangeSource[]) {
    const name = (op: string) => `kl_changes_${source.table}_${op}`;
    const when = updateCondition(source, kind);
    if (kind === 'postgres') {
      const run = `EXECUTE FUNCTION keyline_log_change('${source.kind}', '${source.key}')`;
      triggers.push(
        { name: name('ins'), table: source.table, sql: `AFTER INSERT ON "${source.table}" FOR EACH ROW ${run}` },
        {
          name: name('upd'),
          table: source.table,
          sql: `AFTER UPDATE ON "${source.table}" FOR EACH ROW WHEN (${when}) ${run}`,
        },
        { name: name('del'), table: source.table, sql: `AFTER DELETE ON "${source.table}" FOR EACH ROW ${run}` },
      );
    } else {
      const log = (row: 'NEW' | 'OLD') =>
        `INSERT INTO "change_log" ("kind", "rowId") VALUES ('${source.kind}', ${row}."${source.key}");`;
      triggers.push(
        { name: name('ins'), table: source.table, sql: `AFTER INSERT ON "${source.table}" BEGIN ${log('NEW')} END` },
        {
          name: name('upd'),
          table: source.table,
          sql:
            `AFTER UPDATE ON "${source.table}" WHEN ${when} BEGIN ${log('NEW')} ` +
            `INSERT INTO "change_log" ("kind", "rowId") SELECT '${source.kind}', OLD."${source.key}" WHERE OLD."${source.key}" IS NOT NEW."${source.key}"; END`,
        },
        { name: name('del'), table: source.table, sql: `AFTER DELETE ON "${source.table}" BEGIN ${log('OLD')} END` },
      );
    }
  }
  return triggers;
}

/**
 * Installs the change triggers when they are missing or differ from the
 * declaration above: after the migrations, at every start (a migration that
 * rebuilds a SQLite table drops its triggers). PostgreSQL callers hold the
 * migration lock.
 */
export async function installChangeTriggers(dataSource: DataSource, kind: Kind): Promise<void> {
  const triggers = changeTriggers(kind);
  const version = createHash('sha256')
    .update(POSTGRES_FUNCTION)
    .update(JSON.stringify(triggers))
    .digest('hex')
    .slice(0, 16);
  if (kind === 'postgres') {
    const [current] = (await dataSource.query(
      "SELECT obj_description(p.oid, 'pg_proc') AS version FROM pg_proc p WHERE p.proname = 'keyline_log_change' AND p.pronamespace = current_schema()::regnamespace",
    )) as { version: string | null }[];
    if (current?.version === version) return;
    await dataSource.transaction(async (m) => {
      await m.query(POSTGRES_FUNCTION);
      for (const t of triggers) {
        await m.query(`DROP TRIGGER IF EXISTS "${t.name}" ON "${t.table}"`);
        await m.query(`CREATE TRIGGER "${t.name}" ${t.sql}`);
      }
      await m.query(`COMMENT ON FUNCTION keyline_log_change() IS '${version}'`);
    });
    return;
  }
  const existing = new Map(
    (
      (await dataSource.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) as {
        name: string;
        sql: string;
      }[]
    ).map((r) => [r.name, r.sql]),
  );
  const wanted = triggers.map((t) => ({ ...t, create: `CREATE TRIGGER "${t.name}" ${t.sql}` }));
  if (wanted.every((t) => existing.get(t.name) === t.create)) return;
  await dataSource.transaction(async (m) => {
    for (const t of wanted) {
      await m.query(`DROP TRIGGER IF EXISTS "${t.name}"`);
      await m.query(t.create);
    }
  });
}

export interface Change {
  kind: ChangeKind;
  rowId: string;
}

/** Changes older than this are pruned; a reader that has not read for half of it reloads in full instead. */
const KEEP_MS = 10 * 60_000;
/** A PostgreSQL sequence number not yet visible may belong to a transaction still running: looked for again until then. */
const GAP_PATIENCE_MS = 60_000;
const MAX_GAPS = 1_000;

/**
 * A reader's place in the change log. On PostgreSQL sequence numbers are
 * taken at insert and become visible at commit, so a later number can be
 * seen before an earlier one: the numbers skipped are kept as gaps and
 * asked for again until they show up or are too old to (rolled back).
 */
export class ChangeCursor {
  private last = 0;
  private readonly gaps = new Map<number, number>();
  private readAt = 0;

  constructor(private readonly kind: Kind) {}

  /** Starts at the end of the log: whoever calls this then loads everything in full. */
  async start(m: EntityManager): Promise<void> {
    const rows = (await m.query(
      `SELECT "seq" FROM "change_log" WHERE "at" > ${Date.now() - GAP_PATIENCE_MS} OR "seq" = (SELECT MAX("seq") FROM "change_log") ORDER BY "seq"`,
    )) as { seq: number | string }[];
    const seqs = rows.map((r) => Number(r.seq));
    this.gaps.clear();
    this.last = seqs.at(-1) ?? 0;
    if (this.kind === 'postgres') this.noteGaps(seqs, seqs[0] ?? this.last);
    this.readAt = Date.now();
  }

  /**
   * The changes since the last read, or 'reload' when they cannot be known
   * row by row (the reader fell too far behind, or too much changed).
   */
  async read(m: EntityManager, maxRows: number): Promise<Change[] | 'reload'> {
    if (Date.now() - this.readAt > KEEP_MS / 2) return 'reload';
    const gaps = [...this.gaps.keys()];
    const rows = (await m.query(
      `SELECT "seq", "kind", "rowId" FROM "change_log" WHERE "seq" > ${this.last}${gaps.length ? ` OR "seq" IN (${gaps.join(',')})` : ''} ORDER BY "seq" LIMIT ${maxRows + 1}`,
    )) as { seq: number | string; kind: ChangeKind; rowId: string }[];
    this.readAt = Date.now();
    if (rows.length > maxRows) return 'reload';
    const seqs = rows.map((r) => Number(r.seq));
    for (const seq of seqs) this.gaps.delete(seq);
    if (this.kind === 'postgres')
      this.noteGaps(
        seqs.filter((s) => s > this.last),
        this.last,
      );
    for (const seq of seqs) if (seq > this.last) this.last = seq;
    for (const [seq, since] of this.gaps) if (Date.now() - since > GAP_PATIENCE_MS) this.gaps.delete(seq);
    if (this.gaps.size > MAX_GAPS) return 'reload';
    return rows.map((r) => ({ kind: r.kind, rowId: r.rowId }));
  }

  private noteGaps(ascending: number[], after: number): void {
    let expected = after + 1;
    for (const seq of ascending) {
      for (; expected < seq && this.gaps.size <= MAX_GAPS; expected++) this.gaps.set(expected, Date.now());
      expected = Math.max(expected, seq + 1);
    }
  }
}

/** Deletes log rows nobody needs any more (every reader reads within KEEP_MS / 2 or reloads). */
export async function pruneChangeLog(m: EntityManager): Promise<void> {
  await m.query(`DELETE FROM "change_log" WHERE "at" < ${Date.now() - KEEP_MS}`);
}
