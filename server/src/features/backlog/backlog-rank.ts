import type { EntityManager } from 'typeorm';
import type { MoveBacklogItemInput } from '@keyline/shared';
import { invalidField } from '../../http/app-error';
import { BacklogItemEntity } from './backlog-item.entity';

/** Gap between neighbours when ranks are handed out; a move takes the midpoint. */
export const RANK_STEP = 1024;
/** Below this gap midpoints lose precision: renumber the whole backlog once. */
const MIN_GAP = 1e-6;

/**
 * A rank is read (MAX/MIN/neighbour) and then written: on PostgreSQL two
 * transactions doing that at once took the same rank (8 concurrent creates
 * got 2 distinct ranks). Hand out ranks one transaction at a time; SQLite
 * writes are serialised already.
 */
async function lockRankAllocation(m: EntityManager): Promise<void> {
  if (m.connection.options.type === 'postgres') await m.query('SELECT pg_advisory_xact_lock(734212)');
}

export async function rankAtBottom(m: EntityManager): Promise<number> {
  await lockRankAllocation(m);
  const row = await m
    .createQueryBuilder(BacklogItemEntity, 'i')
    .select('MAX(i.rank)', 'max')
    .getRawOne<{ max: number | null }>();
  return (row?.max ?? 0) + RANK_STEP;
}

/**
 * The rank that puts an item where the move says. Fractional ranks mean a
 * move rewrites one row, not the whole backlog.
 */
export async function rankForMove(m: EntityManager, itemId: string, move: MoveBacklogItemInput): Promise<number> {
  await lockRankAllocation(m);
  if ('position' in move) {
    const agg = move.position === 'top' ? 'MIN' : 'MAX';
    const row = await m
      .createQueryBuilder(BacklogItemEntity, 'i')
      .select(`${agg}(i.rank)`, 'edge')
      .where('i.id != :itemId', { itemId })
      .getRawOne<{ edge: number | null }>();
    const edge = row?.edge ?? 0;
    return move.position === 'top' ? edge - RANK_STEP : edge + RANK_STEP;
  }
  const anchorId = 'beforeId' in move ? move.beforeId : move.afterId;
  const field = 'beforeId' in move ? 'beforeId' : 'afterId';
  if (anchorId === itemId) throw invalidField(field, 'An item cannot move relative to itself');
  const anchor = await m.findOneBy(BacklogItemEntity, { id: anchorId });
  if (!anchor) throw invalidField(field, 'No such backlog item');
  const before = 'beforeId' in move;
  const neighbour = await m
    .createQueryBuilder(BacklogItemEntity, 'i')
    .select(before ? 'MAX(i.rank)' : 'MIN(i.rank)', 'rank')
    .where(before ? 'i.rank < :rank' : 'i.rank > :rank', { rank: anchor.rank })
    .andWhere('i.id != :itemId', { itemId })
    .getRawOne<{ rank: number | null }>();
  const other = neighbour?.rank ?? (before ? anchor.rank - 2 * RANK_STEP : anchor.rank + 2 * RANK_STEP);
  const mid = (anchor.rank + other) / 2;
  if (Math.abs(anchor.rank - other) < MIN_GAP) {
    await renumberRanks(m);
    return rankForMove(m, itemId, move);
  }
  return mid;
}

/** Spreads ranks out again, keeping the order. Rare: only after many moves into one gap. */
async function renumberRanks(m: EntityManager): Promise<void> {
  const rows = await m.find(BacklogItemEntity, { select: { id: true, rank: true }, order: { rank: 'ASC', id: 'ASC' } });
  for (const [index, row] of rows.entries()) {
    await m.update(BacklogItemEntity, { id: row.id }, { rank: (index + 1) * RANK_STEP });
  }
}
