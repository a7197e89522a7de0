import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** The change watcher's memory (KR statuses, item flags), so webhooks hear of changes once. */
export class WatchStates1765400000001 implements MigrationInterface {
  name = 'WatchStates1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'watch_states',
        columns: [
          { name: 'kind', type: 'varchar', length: '20', isPrimary: true },
          { name: 'subjectId', type: 'varchar', length: '60', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('watch_states');
  }
}
