import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { FLAG_BITS, type BacklogListQuery, type LiveBacklog, type Page, type BacklogRow } from '@keyline/shared';
import { decodeCursor, encodeCursor } from '../../http/paging';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { attachRowScores } from '../scoring/attach-scores';
import { BacklogItemEntity } from './backlog-item.entity';
import { BacklogLinkEntity } from './backlog-link.entity';
import { toBacklogItemDtos } from './backlog.mapper';
import type { BacklogPageQueries } from './backlog-page';

/**
 * The backlog list. Column sorts and filters run in SQL, so a 100,000-item
 * backlog sends only the page asked for. Value score and flags are derived
 * (the live backlog, kept current by every write): sorting or filtering by
 * them takes the matching ids from SQL and orders them by it. The cursor is
 * an opaque offset: a virtual table jumps to any row, which keyset paging cannot do.
 */
export async function listBacklogItems(
  m: EntityManager,
  query: BacklogListQuery,
  backlog: LiveBacklog,
): Promise<Page<BacklogRow>> {
  const offset = decodeCursor(query.cursor);
  const qb = m.createQueryBuilder(BacklogItemEntity, 'i');
  applyBacklogFilters(qb, query);
  if (query.sort === 'valueScore' || query.flag?.length) return listByScore(m, qb, query, offset, backlog);

  const total = await qb.getCount();
  qb.orderBy(`i.${query.sort}`, query.order === 'asc' ? 'ASC' : 'DESC', 'NULLS LAST');
  // Ties break by rank, except when sorting by rank: TypeORM keys ORDER BY by column, so a
  // second 'i.rank' would overwrite the direction asked for (rank desc came back ascending).
  if (query.sort !== 'rank') qb.addOrderBy('i.rank', 'ASC');
  qb.addOrderBy('i.id', 'ASC').offset(offset).limit(query.limit);
  const rows = await qb.getMany();
  const next = offset + rows.length;
  return {
    items: attachRowScores(await toBacklogItemDtos(m, rows), backlog, query.include),
    total,
    nextCursor: next < total ? encodeCursor(next) : null,
  };
}

/**
 * The same answer for a list without filters, from prepared statements
 * (backlog-page.ts): the backlog screen's first and most frequent request.
 */
export async function listUnfiltered(
  pages: BacklogPageQueries,
  query: BacklogListQuery,
  backlog: LiveBacklog,
): Promise<Page<BacklogRow>> {
  const offset = decodeCursor(query.cursor);
  if (query.sort === 'valueScore') {
    const { ids, total } = backlog.idsInValueOrderPage(query.order, offset, query.limit);
    const items = await pages.rows(ids);
    const next = offset + items.length;
    return {
      items: attachRowScores(items, backlog, query.include),
      total,
      nextCursor: next < total ? encodeCursor(next) : null,
    };
  }
  const items = await pages.page(query.sort, query.order, offset, query.limit);
  const total = backlog.size;
  const next = offset + items.length;
  return {
    items: attachRowScores(items, backlog, query.include),
    total,
    nextCursor: next < total ? encodeCursor(next) : null,
  };
}

export function isUnfiltered(query: BacklogListQuery): boolean {
  return !hasSqlFilters(query) && !query.flag?.length;
}

async function listByScore(
  m: EntityManager,
  qb: SelectQueryBuilder<BacklogItemEntity>,
  query: BacklogListQuery,
  offset: number,
  backlog: LiveBacklog,
): Promise<Page<BacklogRow>> {
  const matching = hasSqlFilters(query)
    ? new Set((await qb.select('i.id', 'id').getRawMany<{ id: string }>()).map((r) => r.id))
    : undefined;
  const flagBits = (query.flag ?? []).reduce((bits, code) => bits | FLAG_BITS[code], 0);
  // In value order (highest first, unscorable last); an item written after the scores were read goes last.
  const byValue = backlog.idsInValueOrder(query.sort === 'valueScore' ? query.order : 'desc');
  let ids: readonly string[] = byValue;
  if (matching || flagBits) {
    ids = byValue.filter(
      (id) => (!matching || matching.has(id)) && (!flagBits || (backlog.flagBits(id) & flagBits) !== 0),
    );
    if (matching && !flagBits) ids = ids.concat([...matching].filter((id) => !backlog.has(id)));
  }
  if (query.sort !== 'valueScore') ids = await orderIdsByColumn(m, ids, query);
  const pageIds = ids.slice(offset, offset + query.limit);
  const rows = pageIds.length ? await m.findBy(BacklogItemEntity, { id: In(pageIds) }) : [];
  const position = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const next = offset + pageIds.length;
  return {
    items: attachRowScores(await toBacklogItemDtos(m, rows), backlog, query.include),
    total: ids.length,
    nextCursor: next < ids.length ? encodeCursor(next) : null,
  };
}

function hasSqlFilters(query: BacklogListQuery): boolean {
  return Boolean(
    query.status?.length ||
    query.type?.length ||
    query.teamId ||
    query.keyResultId ||
    query.objectiveId ||
    query.unlinked ||
    query.q,
  );
}

/** A flag filter with a column sort: fetch the sort column for the flagged ids and order them here. */
async function orderIdsByColumn(m: EntityManager, ids: readonly string[], query: BacklogListQuery): Promise<string[]> {
  const rows: { id: string; sortValue: string | number | null; rank: number }[] = [];
  // Chunked: both databases cap the number of bound parameters.
  for (let i = 0; i < ids.length; i += 10_000) {
    rows.push(
      ...(await m
        .createQueryBuilder(BacklogItemEntity, 'i')
        .select('i.id', 'id')
        .addSelect(`i.${query.sort}`, 'sortValue')
        .addSelect('i.rank', 'rank')
        .where('i.id IN (:...ids)', { ids: ids.slice(i, i + 10_000) })
        .getRawMany()),
    );
  }
  const direction = query.order === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.sortValue !== b.sortValue) {
      if (a.sortValue === null) return 1; // nulls last, either direction
      if (b.sortValue === null) return -1;
      return (a.sortValue < b.sortValue ? -1 : 1) * direction;
    }
    return a.rank - b.rank || (a.id < b.id ? -1 : 1);
  });
  return rows.map((r) => r.id);
}

export function applyBacklogFilters(
  qb: SelectQueryBuilder<BacklogItemEntity>,
  query: Pick<BacklogListQuery, 'status' | 'type' | 'teamId' | 'keyResultId' | 'objectiveId' | 'unlinked' | 'q'>,
): void {
  // Archived items (no longer in their tracker's query) are hidden from every list; links and history are kept.
  qb.where('i.archivedAt IS NULL');
  if (query.status?.length) qb.andWhere('i.status IN (:...status)', { status: query.status });
  if (query.type?.length) qb.andWhere('i.type IN (:...type)', { type: query.type });
  if (query.teamId) qb.andWhere('i.teamId = :teamId', { teamId: query.teamId });
  if (query.keyResultId) {
    const sub = qb
      .subQuery()
      .select('1')
      .from(BacklogLinkEntity, 'lk')
      .where('lk.itemId = i.id AND lk.keyResultId = :keyResultId');
    qb.andWhere(`EXISTS ${sub.getQuery()}`, { keyResultId: query.keyResultId });
  }
  if (query.objectiveId) {
    const sub = qb
      .subQuery()
      .select('1')
      .from(BacklogLinkEntity, 'lo')
      .innerJoin(KeyResultEntity, 'ko', 'ko.id = lo.keyResultId AND ko.deletedAt IS NULL')
      .where('lo.itemId = i.id AND ko.objectiveId = :objectiveId');
    qb.andWhere(`EXISTS ${sub.getQuery()}`, { objectiveId: query.objectiveId });
  }
  if (query.unlinked) {
    // "No KR link": no link to a key result that still exists.
    const sub = qb
      .subQuery()
      .select('1')
      .from(BacklogLinkEntity, 'lu')
      .innerJoin(KeyResultEntity, 'ku', 'ku.id = lu.keyResultId AND ku.deletedAt IS NULL')
      .where('lu.itemId = i.id');
    qb.andWhere(`NOT EXISTS ${sub.getQuery()}`);
  }
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(
      "(LOWER(i.title) LIKE :q ESCAPE '\\' OR LOWER(i.description) LIKE :q ESCAPE '\\' OR LOWER(i.externalKey) LIKE :q ESCAPE '\\' OR LOWER(i.labels) LIKE :q ESCAPE '\\')",
      { q: pattern },
    );
  }
}
