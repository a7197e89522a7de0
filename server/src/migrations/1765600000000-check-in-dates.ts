import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/*
 * Outcome tracking: a check-in records the moment its value is for (`at`),
 * apart from when it was entered (`createdAt`), so last week's number can be
 * recorded on Monday. Existing check-ins are for the moment they were
 * entered. The index serves "latest check-in of a KR" and a KR's history in
 * time order. Table API only, so it runs on SQLite and PostgreSQL alike.
 * Never edit it once landed.
 */
export class CheckInDates1765600000000 implements MigrationInterface {
  name = 'CheckInDates1765600000000';

  async up(q: QueryRunner): Promise<void> {
    // NOT NULL needs a default for the rows already there; every insert names `at`.
    await q.addColumn(
      'check_ins',
      new TableColumn({ name: 'at', type: 'varchar', length: '24', isNullable: false, default: "''" }),
    );
    await q.manager
      .createQueryBuilder()
      .update('check_ins')
      .set({ at: () => '"createdAt"' })
      .execute();
    await q.createIndex(
      'check_ins',
      new TableIndex({ name: 'IX_check_ins_key_result_at', columnNames: ['keyResultId', 'at'] }),
    );
    await q.createIndex(
      'backlog_items',
      new TableIndex({ name: 'IX_backlog_items_status_done_at', columnNames: ['status', 'doneAt'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('backlog_items', 'IX_backlog_items_status_done_at');
    await q.dropIndex('check_ins', 'IX_check_ins_key_result_at');
    await q.dropColumn('check_ins', 'at');
  }
}
