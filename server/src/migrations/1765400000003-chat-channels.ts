import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';

/** Slack and Teams incoming webhooks: one for the organisation, optionally one per team. */
export class ChatChannels1765400000003 implements MigrationInterface {
  name = 'ChatChannels1765400000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'chat_channels',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'platform', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'teamId', type: 'varchar', length: '36', isNullable: true },
          { name: 'events', type: 'text' },
          { name: 'active', type: 'boolean', default: false },
          { name: 'version', type: 'integer' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['teamId'], referencedTableName: 'teams', referencedColumnNames: ['id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('chat_channels');
  }
}
