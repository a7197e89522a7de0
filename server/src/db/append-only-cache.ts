import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows of an append-only table for one key (a cycle's check-ins, a team's
 * headline history), oldest first, kept in memory and topped up with the rows
 * added since: a dashboard view then reads the few new rows instead of the
 * thousands a quarter of frequent check-ins piles up.
 *
 * Every read first asks the database for the key's row count and latest time
 * (an index range). The cache is used only if it accounts for exactly that
 * many rows; anything else — a restore, a row from another app server that
 * landed at or before the cached latest time — reloads the key in full. So
 * the answer is always what a full read would give.
 */
export interface SeriesSource<Row> {
  /** Number of rows and the latest time, in one cheap query. */
  stats(): Promise<{ count: number; latest: string | null }>;
  /** Rows strictly after `time`, oldest first. */
  since(time: string): Promise<Row[]>;
  /** Every row, oldest first. */
  all(): Promise<Row[]>;
}

export class AppendOnlyCache<Row> {
  private readonly entries = new Map<string, { rows: Row[]; latest: string | null }>();

  constructor(
    private readonly timeOf: (row: Row) => string,
    private readonly maxKeys = 200,
  ) {}

  /** Read-only: callers share the array. */
  async read(key: string, source: SeriesSource<Row>): Promise<readonly Row[]> {
    const { count, latest } = await source.stats();
    const cached = this.entries.get(key);
    if (cached && cached.latest !== null && latest !== null && latest >= cached.latest) {
      const added = latest === cached.latest ? [] : await source.since(cached.latest);
      if (cached.rows.length + added.length === count) {
        const rows = added.length ? cached.rows.concat(added) : cached.rows;
        this.remember(key, rows);
        return rows;
      }
    }
    const rows = await source.all();
    this.remember(key, rows);
    return rows;
  }

  private remember(key: string, rows: Row[]): void {
    this.entries.delete(key); // re-inserted last: the map's order is least recently used first
    if (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { rows, latest: rows.length ? this.timeOf(rows.at(-1) as Row) : null });
  }
}

/**
 * The SeriesSource of a query: `rows()` selects the key's rows (a fresh query
 * builder each call), ordered by `timeColumn` (`alias.column`); `read` turns
 * such a query into rows, oldest first.
 */
export function seriesFromQuery<Entity extends ObjectLiteral, Row>(
  rows: () => SelectQueryBuilder<Entity>,
  timeColumn: string,
  read: (qb: SelectQueryBuilder<Entity>) => Promise<Row[]>,
): SeriesSource<Row> {
  return {
    stats: async () => {
      const r = await rows()
        .select('COUNT(*)', 'count')
        .addSelect(`MAX(${timeColumn})`, 'latest')
        .getRawOne<{ count: number | string; latest: string | null }>();
      return { count: Number(r?.count ?? 0), latest: r?.latest ?? null };
    },
    since: (time) => read(rows().andWhere(`${timeColumn} > :time`, { time })),
    all: () => read(rows()),
  };
}
