import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** What the reminder and digest jobs did once (a KR's reminder stage, a person's digest for a week). */
export class NotificationMarks1765400000004 implements MigrationInterface {
  name = 'NotificationMarks1765400000004';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification_marks',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_marks');
  }
}
