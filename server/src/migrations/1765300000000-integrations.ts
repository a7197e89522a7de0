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
 * Live sync with Jira Cloud and GitHub Issues: connections, their encrypted
 * secrets, runs, the tie between items and issues, archived items, and a
 * short stable code per key result for the write-back labels. Table API
 * only, so it runs on SQLite and PostgreSQL alike. Never edit it once landed.
 */

const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const id = (name: string, isNullable = false): TableColumnOptions => text(name, 36, isNullable);
const ts = (name: string, isNullable = false): TableColumnOptions => text(name, 24, isNullable);
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const long = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
const cascade = (column: string, table: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** As in features/integrations/key-result-codes.ts, frozen here with the migration. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomKeyResultCode(random: () => number = Math.random): string {
  let code = '';
  for (let i = 0; i < 4; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
  return code;
}

export class Integrations1765300000000 implements MigrationInterface {
  name = 'Integrations1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'integration_connections',
        columns: [
          { ...id('id'), isPrimary: true },
          text('kind', 10),
          text('name', 100),
          text('baseUrl', 500),
          long('config'),
          { name: 'writeBack', type: 'boolean', default: false },
          int('syncIntervalMinutes'),
          text('state', 20),
          text('stateMessage', 1000, true),
          ts('syncedUntil', true),
          ts('lastFullSyncAt', true),
          ts('lastRunAt', true),
          text('timeZone', 64, true),
          text('leaseOwner', 64, true),
          ts('leaseUntil', true),
          int('version'),
          ts('createdAt'),
          ts('updatedAt'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'integration_secrets',
        columns: [
          { ...id('connectionId'), isPrimary: true },
          long('token'),
          long('webhookSecret', true),
          ts('updatedAt'),
        ],
        foreignKeys: [cascade('connectionId', 'integration_connections')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sync_runs',
        columns: [
          { ...id('id'), isPrimary: true },
          id('connectionId'),
          text('mode', 20),
          text('trigger', 20),
          text('state', 20),
          ts('startedAt'),
          ts('finishedAt', true),
          ts('since', true),
          long('pageToken', true),
          int('pages'),
          ts('highWater', true),
          int('fetched'),
          int('created'),
          int('updated'),
          int('archived'),
          int('restored'),
          int('labelsWritten'),
          long('errors'),
          int('errorCount'),
          text('message', 1000, true),
        ],
        foreignKeys: [cascade('connectionId', 'integration_connections')],
        indices: [new TableIndex({ name: 'IX_sync_runs_connection', columnNames: ['connectionId', 'startedAt'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'synced_items',
        columns: [
          { ...id('itemId'), isPrimary: true },
          id('connectionId'),
          text('externalId', 64),
          text('url', 500),
          ts('externalUpdatedAt'),
          id('lastSeenRunId', true),
          long('trackerLabels'),
          long('writtenLabels'),
        ],
        foreignKeys: [cascade('itemId', 'backlog_items'), cascade('connectionId', 'integration_connections')],
        indices: [
          new TableIndex({ name: 'IX_synced_items_connection', columnNames: ['connectionId', 'lastSeenRunId'] }),
        ],
      }),
    );

    // Archived: no longer matches its connection's query. Hidden from every backlog view, links and history kept.
    await q.addColumn('backlog_items', new TableColumn(ts('archivedAt', true)));

    await q.addColumn('key_results', new TableColumn(text('code', 8, true)));
    const krs: { id: string }[] = await q.query('SELECT "id" FROM "key_results" ORDER BY "createdAt", "id"');
    const used = new Set<string>();
    for (const kr of krs) {
      let code = randomKeyResultCode();
      while (used.has(code)) code = randomKeyResultCode();
      used.add(code);
      await q.manager
        .createQueryBuilder()
        .update('key_results')
        .set({ code })
        .where('id = :id', { id: kr.id })
        .execute();
    }
    await q.createIndex(
      'key_results',
      new TableIndex({ name: 'UQ_key_results_code', columnNames: ['code'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('key_results', 'UQ_key_results_code');
    await q.dropColumn('key_results', 'code');
    await q.dropColumn('backlog_items', 'archivedAt');
    await q.dropTable('synced_items');
    await q.dropTable('sync_runs');
    await q.dropTable('integration_secrets');
    await q.dropTable('integration_connections');
  }
}
