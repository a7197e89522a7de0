import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertDemoOrganisation } from '../../server/src/seed/demo-data';
import { describeEachDatabase } from '../support/databases';
import { ROOT } from '../support/server-process';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('demo data', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
    await t.db.write((m) => insertDemoOrganisation(m, t.users.admin, 'not-a-real-hash', new Date()));
  });
  afterAll(() => t.stop());

  it('has distinct backlog titles (none repeats under one KR) and as many items as the README says', async () => {
    const rows = await t.db.read((m) =>
      m.query(
        'SELECT i.title AS title, l."keyResultId" AS "keyResultId" FROM backlog_items i ' +
          'LEFT JOIN backlog_links l ON l."itemId" = i.id',
      ),
    );
    const titles = (rows as { title: string }[]).map((r) => r.title.toLowerCase());
    const perKr = (rows as { title: string; keyResultId: string | null }[])
      .filter((r) => r.keyResultId !== null)
      .map((r) => `${r.keyResultId}|${r.title.toLowerCase()}`);
    expect(new Set(perKr).size).toBe(perKr.length);
    const items = (await t.db.read((m) => m.query('SELECT DISTINCT title FROM backlog_items'))) as unknown[];
    expect(new Set(titles).size).toBe(items.length);
    const [count] = (await t.db.read((m) => m.query('SELECT COUNT(*) AS n FROM backlog_items'))) as { n: unknown }[];
    expect(Number(count?.n)).toBe(items.length);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${items.length} backlog items`);
  });
});
