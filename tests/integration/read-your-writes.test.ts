import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem } from '../support/factories';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * Reads run on their own connection (SQLite in WAL mode: a read-only
 * connection beside the writer), so they never wait for the write lock. What
 * that must not cost: an acknowledged write is visible to the very next read,
 * on the list (prepared statements), the detail and the session lookup.
 */
describeEachDatabase('reads on their own connection', (kind) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  if (kind === 'sqlite') {
    it('reads through a second, read-only connection to a WAL database', async () => {
      expect(t.db.readsOwnConnection).toBe(true);
      const reader = t.db.sqliteReader();
      expect(reader?.readonly).toBe(true);
      expect(reader?.pragma('journal_mode', { simple: true })).toBe('wal');
      await expect(t.db.read((m) => m.query('CREATE TABLE nope (x integer)'))).rejects.toThrow(/readonly/);
    });

    it('answers a read while a write transaction holds the lock', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const writing = t.db.write(async (m) => {
        await m.query(`UPDATE "settings" SET "key" = "key" WHERE 1 = 0`);
        await held;
      });
      const started = Date.now();
      const page = await t.viewer.get('/api/backlog-items?limit=5');
      expect(page.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      release();
      await writing;
    });
  }

  it('shows every acknowledged write to the next read: list, detail, sorted by value', async () => {
    for (let i = 0; i < 20; i++) {
      const created = await buildBacklogItem(t.editor, { title: `RYW ${i}`, reach: 10 + i, impact: 2, effort: 1 });
      const [detail, byRank, byValue] = await Promise.all([
        t.viewer.get(`/api/backlog-items/${created.id}`),
        t.viewer.get('/api/backlog-items?sort=rank&order=desc&limit=1'),
        t.viewer.get('/api/backlog-items?sort=valueScore&order=desc&limit=500'),
      ]);
      expect(detail.status).toBe(200);
      expect(byRank.body.items[0].id).toBe(created.id);
      expect(byValue.body.items.map((r: { id: string }) => r.id)).toContain(created.id);
      expect(byValue.body.total).toBe(i + 1);

      const edited = await t.editor.patch(
        `/api/backlog-items/${created.id}`,
        { title: `RYW ${i} edited` },
        detail.body.version,
      );
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const after = await t.viewer.get('/api/backlog-items?sort=rank&order=desc&limit=1');
      expect(after.body.items[0].title).toBe(`RYW ${i} edited`);
      expect(after.body.items[0].version).toBe(edited.body.version);
    }
  });

  it('signs a new session in for the very next request, and out for the one after sign-out', async () => {
    for (let i = 0; i < 5; i++) {
      const client = t.client();
      await client.login('viewer@test.local', PASSWORD);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      const cookie = client.sessionCookie;
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      // The old cookie, replayed: the session is gone for the very next request.
      expect((await t.client().useSessionCookie(cookie).get('/api/auth/me')).status).toBe(401);
    }
  });
});
