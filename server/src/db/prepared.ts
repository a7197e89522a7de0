import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * One read query prepared once and run many times: for the paths every
 * request takes, where building the query through the ORM cost more than
 * running it. Write the SQL with `?` placeholders and double-quoted
 * identifiers (both databases read those the same way). SQLite runs it on
 * the read connection; PostgreSQL as a named prepared statement, which each
 * pooled connection parses once.
 */
export class PreparedRead<Row> {
  private statement: BetterSqlite3.Statement | undefined;
  private readonly pgText: string;

  constructor(
    private readonly db: Database,
    private readonly name: string,
    private readonly sql: string,
  ) {
    let n = 0;
    this.pgText = sql.replace(/\?/g, () => `$${++n}`);
  }

  async all(...params: unknown[]): Promise<Row[]> {
    if (this.db.kind === 'postgres') {
      const pool = (this.db.dataSource.driver as unknown as { master: PgPool }).master;
      return (await pool.query({ name: this.name, text: this.pgText, values: params })).rows as Row[];
    }
    return this.db.readSync(() => {
      this.statement ??= (this.db.sqliteReader() as BetterSqlite3.Database).prepare(this.sql);
      return this.statement.all(...params) as Row[];
    });
  }

  async one(...params: unknown[]): Promise<Row | undefined> {
    return (await this.all(...params))[0];
  }
}
