import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const ts = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '24', isNullable });
const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });

/**
 * Scheduled jobs and leases (server/src/jobs), the outbox every message goes
 * through, and outgoing webhooks.
 */
export class JobsAndOutbox1765400000000 implements MigrationInterface {
  name = 'JobsAndOutbox1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'scheduled_jobs',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          ts('claimedSlot', true),
          ts('doneSlot', true),
          { name: 'runner', type: 'varchar', length: '100', isNullable: true },
          ts('leaseUntil', true),
          ts('retryAt', true),
          ts('lastStartedAt', true),
          ts('lastFinishedAt', true),
          { name: 'lastError', type: 'varchar', length: '500', isNullable: true },
          { name: 'runs', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'leases',
        columns: [
          { name: 'name', type: 'varchar', length: '100', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '100', isNullable: true },
          ts('until', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'idempotencyKey', type: 'varchar', length: '200' },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'eventType', type: 'varchar', length: '50', isNullable: true },
          ref('target'),
          ref('userId', true),
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'integer' },
          ts('nextAttemptAt'),
          ts('expiresAt'),
          { name: 'leaseOwner', type: 'varchar', length: '100', isNullable: true },
          ts('leaseUntil', true),
          { name: 'lastError', type: 'varchar', length: '500', isNullable: true },
          { name: 'lastStatusCode', type: 'integer', isNullable: true },
          ts('createdAt'),
          ts('updatedAt'),
          ts('deliveredAt', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_outbox_idempotency', columnNames: ['idempotencyKey'], isUnique: true }),
          // The sender's claim: due rows in order.
          new TableIndex({ name: 'IX_outbox_due', columnNames: ['status', 'nextAttemptAt'] }),
          // A webhook's deliveries, a channel's log, newest first.
          new TableIndex({ name: 'IX_outbox_target', columnNames: ['target', 'createdAt'] }),
          new TableIndex({ name: 'IX_outbox_created', columnNames: ['createdAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'events', type: 'text' },
          { name: 'active', type: 'boolean', default: false },
          { name: 'secret', type: 'varchar', length: '100' },
          ref('createdById', true),
          { name: 'version', type: 'integer' },
          ts('createdAt'),
          ts('updatedAt'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('webhooks');
    await q.dropTable('outbox_messages');
    await q.dropTable('leases');
    await q.dropTable('scheduled_jobs');
  }
}
