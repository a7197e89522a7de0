import { describe, expect, it } from 'vitest';
import { AppendOnlyCache, type SeriesSource } from './append-only-cache';

interface Row {
  at: string;
  n: number;
}

/** A table in memory that counts how it was read. */
function table(rows: Row[]) {
  const reads = { all: 0, since: 0 };
  const source: SeriesSource<Row> = {
    stats: async () => ({
      count: rows.length,
      latest: rows.length
        ? rows
            .map((r) => r.at)
            .sort()
            .at(-1)!
        : null,
    }),
    since: async (time) => {
      reads.since += 1;
      return rows.filter((r) => r.at > time).sort((a, b) => a.at.localeCompare(b.at));
    },
    all: async () => {
      reads.all += 1;
      return [...rows].sort((a, b) => a.at.localeCompare(b.at));
    },
  };
  return { rows, reads, source };
}

const row = (second: number, n = second): Row => ({
  at: `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`,
  n,
});

describe('AppendOnlyCache', () => {
  it('reads everything once, then only the rows added since', async () => {
    const t = table([row(1), row(2)]);
    const cache = new AppendOnlyCache<Row>((r) => r.at);
    expect(await cache.read('k', t.source)).toEqual([row(1), row(2)]);
    expect(await cache.read('k', t.source)).toEqual([row(1), row(2)]);
    t.rows.push(row(3), row(4));
    expect(await cache.read('k', t.source)).toEqual([row(1), row(2), row(3), row(4)]);
    expect(t.reads).toEqual({ all: 1, since: 1 });
  });

  it('reloads in full when the rows it holds no longer add up (a restore, a late row from another server)', async () => {
    const t = table([row(1), row(2), row(3)]);
    const cache = new AppendOnlyCache<Row>((r) => r.at);
    await cache.read('k', t.source);
    // A row at an earlier time than the latest it has seen, plus a new one.
    t.rows.push(row(2, 99), row(5));
    expect(await cache.read('k', t.source)).toEqual([row(1), row(2), row(2, 99), row(3), row(5)]);
    // Rows removed (a restore of an older backup).
    t.rows.splice(0, t.rows.length, row(1));
    expect(await cache.read('k', t.source)).toEqual([row(1)]);
    expect(t.reads.all).toBe(3);
  });

  it('keeps keys apart and forgets the least recently used beyond its limit', async () => {
    const a = table([row(1)]);
    const b = table([row(2)]);
    const cache = new AppendOnlyCache<Row>((r) => r.at, 1);
    expect(await cache.read('a', a.source)).toEqual([row(1)]);
    expect(await cache.read('b', b.source)).toEqual([row(2)]);
    expect(await cache.read('a', a.source)).toEqual([row(1)]);
    expect(a.reads.all).toBe(2);
  });
});
