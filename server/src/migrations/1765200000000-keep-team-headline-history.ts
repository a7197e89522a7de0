import { type MigrationInterface, type QueryRunner, TableForeignKey } from 'typeorm';

/*
 * Recorded headline history outlives the team it was recorded for: the
 * cascade from teams dropped a deleted team's trend for good, and history is
 * never recomputed. teamId keeps the deleted team's id (null still means the
 * whole company, so SET NULL would mislabel it). Table API only, so it runs
 * on SQLite and PostgreSQL alike. Never edit it once landed.
 */
export class KeepTeamHeadlineHistory1765200000000 implements MigrationInterface {
  name = 'KeepTeamHeadlineHistory1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const table = await q.getTable('headline_history');
    const fk = table?.foreignKeys.find((f) => f.columnNames.length === 1 && f.columnNames[0] === 'teamId');
    if (fk) await q.dropForeignKey('headline_history', fk);
  }

  async down(q: QueryRunner): Promise<void> {
    // Rows of teams deleted meanwhile would break the constraint: they go, as they did before.
    await q.query('DELETE FROM headline_history WHERE "teamId" IS NOT NULL AND "teamId" NOT IN (SELECT id FROM teams)');
    await q.createForeignKey(
      'headline_history',
      new TableForeignKey({
        columnNames: ['teamId'],
        referencedTableName: 'teams',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }
}
