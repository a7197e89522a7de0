import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Comments on KRs, check-ins and backlog items, with the members they
 * mention; and audit entries filed under a parent row (a comment's KR), so a
 * KR's trail lists its comments.
 */
export class Comments1765400000005 implements MigrationInterface {
  name = 'Comments1765400000005';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'comments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subjectType', type: 'varchar', length: '20' },
          { name: 'subjectId', type: 'varchar', length: '36' },
          { name: 'keyResultId', type: 'varchar', length: '36', isNullable: true },
          { name: 'body', type: 'text' },
          { name: 'authorId', type: 'varchar', length: '36', isNullable: true },
          { name: 'mentionIds', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
      }),
    );
    await q.createIndex(
      'comments',
      new TableIndex({ name: 'IDX_comments_subject', columnNames: ['subjectType', 'subjectId', 'createdAt'] }),
    );
    await q.createIndex(
      'comments',
      new TableIndex({ name: 'IDX_comments_key_result', columnNames: ['keyResultId', 'createdAt'] }),
    );
    // The weekly digest reads the week's comments that mention people.
    await q.createIndex('comments', new TableIndex({ name: 'IDX_comments_created', columnNames: ['createdAt'] }));
    await q.addColumn(
      'audit_events',
      new TableColumn({ name: 'parentId', type: 'varchar', length: '36', isNullable: true }),
    );
    await q.createIndex(
      'audit_events',
      new TableIndex({ name: 'IDX_audit_events_parent', columnNames: ['parentId', 'at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_events', 'IDX_audit_events_parent');
    await q.dropColumn('audit_events', 'parentId');
    await q.dropTable('comments');
  }
}
