import type { EntityManager } from 'typeorm';

/**
 * For rules a unique index cannot express ("at most one active cycle"): on
 * PostgreSQL, lock the table for writers until the transaction ends so two
 * racing transactions cannot both pass the check. SQLite writes are already
 * serialised by the Database lock.
 */
export async function lockForRuleCheck(m: EntityManager, table: string): Promise<void> {
  if (m.connection.options.type === 'postgres') {
    await m.query(`LOCK TABLE "${table}" IN SHARE ROW EXCLUSIVE MODE`);
  }
}
