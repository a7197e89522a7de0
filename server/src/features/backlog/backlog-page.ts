import { BACKLOG_SORT_FIELDS, ESTIMATE_FIELDS, type BacklogItem, type BacklogSort } from '@keyline/shared';
import type { Database } from '../../db/database';
import { PreparedRead } from '../../db/prepared';
import { itemSources } from '../integrations/item-sources';
import type { BacklogItemEntity } from './backlog-item.entity';
import { toBacklogItemDto } from './backlog.mapper';

const COLUMNS = [
  'id',
  'title',
  'description',
  'type',
  'status',
  'teamId',
  'rank',
  ...ESTIMATE_FIELDS,
  'externalKey',
  'labels',
  'doneAt',
  'archivedAt',
  'version',
  'createdAt',
  'updatedAt',
] as const;

type Row = Record<(typeof COLUMNS)[number], unknown> & { links: unknown; synced: unknown };

/**
 * The backlog page without filters — what the backlog screen asks for first
 * and most often — as one prepared statement per sort: the rows, their links
 * (aggregated as JSON) and whether any comes from a tracker. Filtered lists
 * keep the general query builder (backlog.query.ts).
 */
export class BacklogPageQueries {
  private readonly pages = new Map<string, PreparedRead<Row>>();
  private readonly byIds: PreparedRead<Row>;

  constructor(private readonly db: Database) {
    const pg = db.kind === 'postgres';
    this.byIds = new PreparedRead(
      db,
      'keyline_backlog_by_ids',
      `${select(pg)} WHERE i."id" IN (${pg ? 'SELECT unnest(?::text[])' : 'SELECT value FROM json_each(?)'})`,
    );
  }

  /**
   * One page in a column's order (nulls last, then rank, then id). The total
   * of unarchived items comes from the caller: the live backlog holds exactly
   * those, which saves counting the whole table per page (a scan at 100,000 items).
   */
  async page(
    sort: Exclude<BacklogSort, 'valueScore'>,
    order: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<BacklogItem[]> {
    if (!(BACKLOG_SORT_FIELDS as readonly string[]).includes(sort)) throw new Error(`Not a sort column: ${sort}`);
    const key = `${sort}:${order}`;
    let statement = this.pages.get(key);
    if (!statement) {
      const direction = order === 'asc' ? 'ASC' : 'DESC';
      const tieBreak = sort === 'rank' ? '' : ', i."rank" ASC';
      statement = new PreparedRead(
        this.db,
        `keyline_backlog_page_${sort}_${order}`,
        `${select(this.db.kind === 'postgres')} WHERE i."archivedAt" IS NULL
         ORDER BY i."${sort}" ${direction} NULLS LAST${tieBreak}, i."id" ASC LIMIT ? OFFSET ?`,
      );
      this.pages.set(key, statement);
    }
    return this.toItems(await statement.all(limit, offset));
  }

  /** Rows by id, in the order given; ids not found are left out. */
  async rows(ids: readonly string[]): Promise<BacklogItem[]> {
    if (ids.length === 0) return [];
    const param = this.db.kind === 'postgres' ? ids : JSON.stringify(ids);
    const rows = await this.byIds.all(param);
    const position = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (position.get(a.id as string) ?? 0) - (position.get(b.id as string) ?? 0));
    return this.toItems(rows);
  }

  private async toItems(rows: Row[]): Promise<BacklogItem[]> {
    const syncedIds = rows.filter((r) => Boolean(r.synced)).map((r) => r.id as string);
    const sources = syncedIds.length ? await this.db.read((m) => itemSources(m, syncedIds)) : undefined;
    return rows.map((r) => {
      const entity = { ...r, labels: parseJson(r.labels) ?? [] } as unknown as BacklogItemEntity;
      const links = (parseJson(r.links) as [string, number][] | null) ?? [];
      return toBacklogItemDto(
        entity,
        links.map(([keyResultId, strength]) => ({ keyResultId, strength })),
        sources?.get(r.id as string) ?? null,
      );
    });
  }
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}

function select(pg: boolean): string {
  const links = pg
    ? `(SELECT COALESCE(json_agg(json_build_array(l."keyResultId", l."strength") ORDER BY l."createdAt", l."keyResultId"), '[]'::json)
        FROM "backlog_links" l WHERE l."itemId" = i."id")`
    : `(SELECT json_group_array(json_array(l."keyResultId", l."strength") ORDER BY l."createdAt", l."keyResultId")
        FROM "backlog_links" l WHERE l."itemId" = i."id")`;
  return `SELECT ${COLUMNS.map((c) => `i."${c}"`).join(', ')}, ${links} AS "links",
    EXISTS (SELECT 1 FROM "synced_items" s WHERE s."itemId" = i."id") AS "synced"
    FROM "backlog_items" i`;
}
