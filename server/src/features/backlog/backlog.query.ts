import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { BacklogItem, BacklogListQuery, Page } from '@keyline/shared';
import { AppError } from '../../http/app-error';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { BacklogItemEntity } from './backlog-item.entity';
import { BacklogLinkEntity } from './backlog-link.entity';
import { toBacklogItemDtos } from './backlog.mapper';

/**
 * The backlog list: filter, sort and page in SQL, so a 100,000-item backlog
 * sends only the page asked for. The cursor is an opaque offset: a virtual
 * table jumps to any row, which keyset paging cannot do.
 */
export async function listBacklogItems(m: EntityManager, query: BacklogListQuery): Promise<Page<BacklogItem>> {
  const offset = decodeCursor(query.cursor);
  const qb = m.createQueryBuilder(BacklogItemEntity, 'i');
  applyBacklogFilters(qb, query);
  const total = await qb.getCount();
  qb.orderBy(`i.${query.sort}`, query.order === 'asc' ? 'ASC' : 'DESC', 'NULLS LAST')
    .addOrderBy('i.rank', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .offset(offset)
    .limit(query.limit);
  const rows = await qb.getMany();
  const next = offset + rows.length;
  return { items: await toBacklogItemDtos(m, rows), total, nextCursor: next < total ? encodeCursor(next) : null };
}

export function applyBacklogFilters(
  qb: SelectQueryBuilder<BacklogItemEntity>,
  query: Pick<BacklogListQuery, 'status' | 'type' | 'teamId' | 'keyResultId' | 'objectiveId' | 'unlinked' | 'q'>,
): void {
  qb.where('1 = 1');
  if (query.status?.length) qb.andWhere('i.status IN (:...status)', { status: query.status });
  if (query.type?.length) qb.andWhere('i.type IN (:...type)', { type: query.type });
  if (query.teamId) qb.andWhere('i.teamId = :teamId', { teamId: query.teamId });
  if (query.keyResultId) {
    const sub = qb.subQuery().select('1').from(BacklogLinkEntity, 'lk').where('lk.itemId = i.id AND lk.keyResultId = :keyResultId');
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

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: Not a cursor this API gave out', {
    issues: [{ path: ['cursor'], message: 'Not a cursor this API gave out' }],
  });
}
