import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The change log: one row per changed row of a table that feeds the scores
 * (written by triggers that db/change-log.ts installs after the migrations,
 * so a later migration that rebuilds a SQLite table cannot silently drop
 * them). Servers read it to re-score what changed and nothing else; on
 * PostgreSQL the triggers also NOTIFY the other app servers. `at` (epoch
 * milliseconds) lets old rows be pruned. Raw SQL: an auto-increment key and
 * a default clock differ between the two databases. Never edit it once landed.
 */
export class ChangeLog1765700000000 implements MigrationInterface {
  name = 'ChangeLog1765700000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(
        `CREATE TABLE "change_log" ("seq" bigserial PRIMARY KEY, "kind" varchar(20) NOT NULL, "rowId" varchar(100) NOT NULL,
          "at" bigint NOT NULL DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint)`,
      );
    } else {
      await q.query(
        `CREATE TABLE "change_log" ("seq" integer PRIMARY KEY AUTOINCREMENT, "kind" varchar(20) NOT NULL, "rowId" varchar(100) NOT NULL,
          "at" bigint NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)))`,
      );
    }
    await q.query('CREATE INDEX "IX_change_log_at" ON "change_log" ("at")');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      for (const row of (await q.query(
        "SELECT tgname, relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE tgname LIKE 'kl_changes_%' AND c.relnamespace = current_schema()::regnamespace",
      )) as { tgname: string; relname: string }[]) {
        await q.query(`DROP TRIGGER IF EXISTS "${row.tgname}" ON "${row.relname}"`);
      }
      await q.query('DROP FUNCTION IF EXISTS keyline_log_change()');
    } else {
      for (const row of (await q.query(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kl_changes_%'",
      )) as { name: string }[]) {
        await q.query(`DROP TRIGGER IF EXISTS "${row.name}"`);
      }
    }
    await q.query('DROP TABLE "change_log"');
  }
}
