import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** API tokens for scripts and integrations . */
export class ApiTokens1765000000000 implements MigrationInterface {
  name = 'ApiTokens1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'scope', type: 'varchar', length: '10' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'lastUsedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'expiresAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'revokedAt', type: 'varchar', length: '24', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_tokens_hash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'IX_api_tokens_user', columnNames: ['userId'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_tokens');
  }
}
