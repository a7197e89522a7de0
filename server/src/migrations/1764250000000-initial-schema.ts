import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

/*
 * The first schema. Written with TypeORM's Table API rather than raw SQL so
 * the one migration runs on SQLite and PostgreSQL alike. Never edit it once
 * landed: add a new migration instead.
 */

const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
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
const longText = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const num = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });
const ts = (name: string, isNullable = false): TableColumnOptions => text(name, 24, isNullable);
const versioned: TableColumnOptions[] = [int('version'), ts('createdAt'), ts('updatedAt')];

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'RESTRICT') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class InitialSchema1764250000000 implements MigrationInterface {
  name = 'InitialSchema1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          text('email', 254),
          text('name', 100),
          text('passwordHash', 200),
          text('role', 10),
          bool('disabled'),
          ...versioned,
        ],
        indices: [new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'teams',
        columns: [id(), text('name', 100), ...versioned],
        indices: [new TableIndex({ name: 'UQ_teams_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cycles',
        columns: [id(), text('name', 50), text('startsOn', 10), text('endsOn', 10), text('status', 10), ...versioned],
        indices: [new TableIndex({ name: 'UQ_cycles_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'objectives',
        columns: [
          id(),
          ref('cycleId'),
          text('title', 200),
          longText('description'),
          ref('teamId', true),
          ref('parentId', true),
          ref('ownerId', true),
          num('weight'),
          ts('deletedAt', true),
          ...versioned,
        ],
        foreignKeys: [
          fk('cycleId', 'cycles'),
          fk('teamId', 'teams'),
          fk('parentId', 'objectives'),
          fk('ownerId', 'users'),
        ],
        indices: [new TableIndex({ name: 'IX_objectives_cycle', columnNames: ['cycleId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'key_results',
        columns: [
          id(),
          ref('objectiveId'),
          text('title', 200),
          text('metricType', 10),
          num('startValue'),
          num('targetValue'),
          num('currentValue'),
          text('unit', 20),
          num('weight'),
          ref('ownerId', true),
          ts('deletedAt', true),
          ...versioned,
        ],
        foreignKeys: [fk('objectiveId', 'objectives'), fk('ownerId', 'users')],
        indices: [new TableIndex({ name: 'IX_key_results_objective', columnNames: ['objectiveId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'check_ins',
        columns: [
          id(),
          ref('keyResultId'),
          num('value'),
          int('confidence'),
          text('note', 2000),
          ref('authorId', true),
          ts('createdAt'),
        ],
        foreignKeys: [fk('keyResultId', 'key_results', 'CASCADE'), fk('authorId', 'users')],
        indices: [new TableIndex({ name: 'IX_check_ins_kr_time', columnNames: ['keyResultId', 'createdAt'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'backlog_items',
        columns: [
          id(),
          text('title', 200),
          longText('description'),
          text('type', 20),
          text('status', 20),
          ref('teamId', true),
          num('rank'),
          ...[
            'reach',
            'impact',
            'confidence',
            'effort',
            'businessValue',
            'timeCriticality',
            'riskReduction',
            'jobSize',
            'ease',
          ].map((name) => num(name, true)),
          text('externalKey', 100, true),
          longText('labels'),
          ...versioned,
        ],
        foreignKeys: [fk('teamId', 'teams')],
        indices: [
          new TableIndex({ name: 'IX_backlog_items_rank', columnNames: ['rank'] }),
          new TableIndex({ name: 'IX_backlog_items_status', columnNames: ['status'] }),
          new TableIndex({ name: 'IX_backlog_items_team', columnNames: ['teamId'] }),
          // NULLs never collide in a unique index on either database: unique when present.
          new TableIndex({ name: 'UQ_backlog_items_external_key', columnNames: ['externalKey'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'backlog_links',
        columns: [
          { ...ref('itemId'), isPrimary: true },
          { ...ref('keyResultId'), isPrimary: true },
          int('strength'),
          ts('createdAt'),
        ],
        foreignKeys: [fk('itemId', 'backlog_items', 'CASCADE'), fk('keyResultId', 'key_results', 'CASCADE')],
        indices: [new TableIndex({ name: 'IX_backlog_links_kr', columnNames: ['keyResultId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          ts('at'),
          ref('actorId', true),
          text('actorName', 100),
          text('entity', 30),
          text('entityId', 80),
          text('action', 10),
          longText('before', true),
          longText('after', true),
        ],
        indices: [
          new TableIndex({ name: 'IX_audit_entity', columnNames: ['entity', 'entityId', 'at'] }),
          new TableIndex({ name: 'IX_audit_at', columnNames: ['at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'settings',
        columns: [
          { name: 'key', type: 'varchar', length: '50', isPrimary: true },
          longText('value'),
          int('version'),
          ts('updatedAt'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'tokenHash', type: 'varchar', length: '64', isPrimary: true },
          ref('userId'),
          ts('createdAt'),
          ts('lastSeenAt'),
          ts('expiresAt'),
          text('userAgent', 200, true),
        ],
        foreignKeys: [fk('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ name: 'IX_sessions_user', columnNames: ['userId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_attempts',
        columns: [id(), text('email', 254), text('ip', 64), bool('succeeded'), ts('at')],
        indices: [
          new TableIndex({ name: 'IX_login_attempts_email', columnNames: ['email', 'at'] }),
          new TableIndex({ name: 'IX_login_attempts_ip', columnNames: ['ip', 'at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'login_attempts',
      'sessions',
      'settings',
      'audit_events',
      'backlog_links',
      'backlog_items',
      'check_ins',
      'key_results',
      'objectives',
      'cycles',
      'teams',
      'users',
    ]) {
      await q.dropTable(table);
    }
  }
}
