import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';

/** Each person's notification choices: per kind e-mail, chat or none; time zone; teams they follow. */
export class NotificationPreferences1765400000002 implements MigrationInterface {
  name = 'NotificationPreferences1765400000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'timeZone', type: 'varchar', length: '64', isNullable: true },
          { name: 'kinds', type: 'text' },
          { name: 'teamIds', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_preferences');
  }
}
