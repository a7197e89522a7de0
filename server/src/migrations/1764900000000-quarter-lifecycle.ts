import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

/*
 * Quarter lifecycle: grading and carry-over on key results, when a backlog item became
 * done, read-only share links, the recorded history of the headline figures,
 * and the check-in cadence setting. Table API only, so it runs on SQLite and
 * PostgreSQL alike. Never edit it once landed.
 */

const ref = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const ts = (name: string, isNullable = false): TableColumnOptions => text(name, 24, isNullable);
const num = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable });

const KR_COLUMNS: TableColumnOptions[] = [
  num('grade', true),
  text('gradeNote', 2000, true),
  ts('gradedAt', true),
  ref('carriedFromId', true),
  ref('carriedToId', true),
];

export class QuarterLifecycle1764900000000 implements MigrationInterface {
  name = 'QuarterLifecycle1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns(
      'key_results',
      KR_COLUMNS.map((c) => new TableColumn(c)),
    );

    await q.addColumn('backlog_items', new TableColumn(ts('doneAt', true)));
    // Items done before this release: their last change is the best guess of when.
    await q.manager
      .createQueryBuilder()
      .update('backlog_items')
      .set({ doneAt: () => '"updatedAt"' })
      .where('status = :done', { done: 'done' })
      .execute();

    await q.createTable(
      new Table({
        name: 'share_links',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // SHA-256 hex of the token: a database leak does not leak working links.
          text('tokenHash', 64),
          text('name', 100),
          ref('createdById', true),
          text('createdByName', 100),
          ts('expiresAt', true),
          ts('revokedAt', true),
          { name: 'version', type: 'integer' },
          ts('createdAt'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ name: 'UQ_share_links_token', columnNames: ['tokenHash'], isUnique: true })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'headline_history',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('cycleId'),
          // null = the whole company; otherwise one team's backlog.
          ref('teamId', true),
          ts('recordedAt'),
          // UTC day of recordedAt, so "at most one daily row per day" is one indexed lookup.
          text('day', 10),
          text('reason', 10),
          num('misalignedEffortShare', true),
          num('krCoverageShare', true),
          num('openEffort'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['cycleId'],
            referencedTableName: 'cycles',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['teamId'],
            referencedTableName: 'teams',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ name: 'IX_headline_history_cycle', columnNames: ['cycleId', 'teamId', 'recordedAt'] }),
          new TableIndex({ name: 'IX_headline_history_day', columnNames: ['cycleId', 'day', 'reason'] }),
        ],
      }),
    );

    await q.manager
      .createQueryBuilder()
      .insert()
      .into('settings')
      .values({
        key: 'lifecycle',
        value: JSON.stringify({ checkInCadenceDays: 7 }),
        version: 1,
        updatedAt: new Date().toISOString(),
      })
      .orIgnore()
      .execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.manager.createQueryBuilder().delete().from('settings').where('key = :key', { key: 'lifecycle' }).execute();
    await q.dropTable('headline_history');
    await q.dropTable('share_links');
    await q.dropColumn('backlog_items', 'doneAt');
    for (const c of [...KR_COLUMNS].reverse()) await q.dropColumn('key_results', c.name);
  }
}
