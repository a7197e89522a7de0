import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { scoreBacklog } from '@keyline/shared';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { openDatabase } from '../../server/src/schema';
import { LiveScores } from '../../server/src/features/scoring/live-scores';
import { loadItems, loadStructure } from '../../server/src/features/scoring/scoring-inputs';
import { readSettings } from '../../server/src/features/scoring/scoring-settings.service';
import { ApiClient } from '../support/api-client';
import { describeEachDatabase, TEST_DATABASE_URL } from '../support/databases';
import { buildBacklogItem, buildKeyResult, buildObjective } from '../support/factories';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';
import { dayFromToday } from '../support/days';

/**
 * Derived data follows the writes. Every whole-backlog view read
 * right after a write (or while writes are in flight) shows that write, and
 * equals what scoring the database from scratch says; writes to tables that
 * feed no score invalidate nothing; on PostgreSQL a second app server sees a
 * change within a second, told by NOTIFY.
 */

/** What scoring the rows in the database from scratch says, as the scores' own day sees it. */
async function scoreFromScratch(db: Database) {
  const inputs = await db.read(async (m) => ({
    structure: await loadStructure(m),
    settings: (await readSettings(m)).settings,
    items: await loadItems(m),
  }));
  const day = new Date().toISOString().slice(0, 10);
  return scoreBacklog({
    ...inputs.structure,
    items: inputs.items,
    settings: inputs.settings,
    asOf: `${day}T00:00:00.000Z`,
  });
}

async function changeLogRows(db: Database): Promise<number> {
  const [row] = (await db.read((m) => m.query('SELECT COUNT(*) AS n FROM change_log'))) as { n: number | string }[];
  return Number(row?.n);
}

describeEachDatabase('scores kept current by the writes', (kind) => {
  let t: TestServer;
  let cycleId: string;
  let krs: { id: string }[];

  beforeAll(async () => {
    t = await startTestServer(kind);
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    cycleId = (
      await t.editor.post('/api/cycles', {
        name: `Live ${kind}`,
        startsOn: day(-30),
        endsOn: day(60),
        status: 'active',
      })
    ).body.id;
    const objective = await buildObjective(t.editor, { cycleId, title: 'Grow' });
    krs = [
      await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Signups', weight: 2 }),
      await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Retention' }),
    ];
  });
  afterAll(() => t.stop());

  /** The whole-backlog views, each against the engine run over the database as it is now. */
  async function expectViewsCurrent(): Promise<void> {
    const [alignment, byValue, unaligned, krList] = await Promise.all([
      t.viewer.get('/api/alignment'),
      // Exact scores: lists round them unless asked for the breakdown.
      t.viewer.get('/api/backlog-items?sort=valueScore&order=desc&limit=500&include=breakdown'),
      t.viewer.get('/api/backlog-items?flag=UNALIGNED&sort=valueScore&order=desc&limit=500'),
      t.viewer.get(`/api/key-results?cycleId=${cycleId}`),
    ]);
    const fresh = await scoreFromScratch(t.db);
    const open = fresh.items.filter((i) => ['idea', 'ready', 'in-progress'].includes(i.status));
    const shown = byValue.body.items.map((i: { id: string; valueScore: number | null }) => `${i.id} ${i.valueScore}`);
    expect(shown).toEqual(fresh.items.map((i) => `${i.id} ${i.valueScore}`));
    expect(unaligned.body.items.map((i: { id: string }) => i.id)).toEqual(
      fresh.items.filter((i) => i.flags.some((f) => f.code === 'UNALIGNED')).map((i) => i.id),
    );
    expect(alignment.body.headline.openEffort).toBeCloseTo(fresh.headline?.openEffort ?? 0, 9);
    expect(alignment.body.headline.misalignedEffortShare).toBeCloseTo(fresh.headline?.misalignedEffortShare ?? 0, 9);
    expect(alignment.body.headline.krCoverage).toEqual(fresh.headline?.krCoverage);
    expect(alignment.body.openItems).toBe(open.length);
    for (const kr of krList.body as { id: string; openItemCount: number }[]) {
      const linked = open.filter((i) => i.links.some((l) => l.keyResultId === kr.id)).length;
      expect(kr.openItemCount).toBe(linked);
    }
  }

  it('shows every write in the whole-backlog views on the very next read', async () => {
    const a = await buildBacklogItem(t.editor, { title: 'A', reach: 100, impact: 1, confidence: 1, effort: 2 });
    await expectViewsCurrent();
    const b = await buildBacklogItem(t.editor, { title: 'B', reach: 300, impact: 2, confidence: 1, effort: 5 });
    await expectViewsCurrent();
    const linked = await t.editor.put(`/api/backlog-items/${a.id}/links/${krs[0]!.id}`, { strength: 3 });
    expect(linked.status).toBe(200);
    await expectViewsCurrent();
    const edited = await t.editor.patch(`/api/backlog-items/${b.id}`, { effort: 13 }, b.version);
    expect(edited.status).toBe(200);
    await expectViewsCurrent();
    // A check-in moves the KR's boost: every item linked to it is re-scored.
    expect((await t.editor.post(`/api/key-results/${krs[0]!.id}/check-ins`, { value: 5, confidence: 2 })).status).toBe(
      201,
    );
    await expectViewsCurrent();
    const kr = (await t.viewer.get(`/api/key-results/${krs[0]!.id}`)).body;
    expect((await t.editor.patch(`/api/key-results/${kr.id}`, { weight: 5 }, kr.version)).status).toBe(200);
    await expectViewsCurrent();
    const settings = (await t.admin.get('/api/settings/scoring')).body;
    const saved = await t.admin.put(
      '/api/settings/scoring',
      { ...settings.settings, framework: 'ice' },
      { 'if-match': `"${settings.version}"` },
    );
    expect(saved.status).toBe(200);
    await expectViewsCurrent();
    expect((await t.editor.delete(`/api/backlog-items/${b.id}`, edited.body.version)).status).toBe(204);
    await expectViewsCurrent();
  });

  it('answers reads sent while writes are in flight with every write acknowledged before them', async () => {
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 5; i++) {
        const item = await buildBacklogItem(t.editor, {
          title: `Racing ${w}.${i}`,
          reach: 10 * (i + 1),
          impact: 1,
          confidence: 1,
          effort: 1 + i,
        });
        // The write was acknowledged: a read sent now must show it, in value order and in the flag filter.
        const [byValue, flagged] = await Promise.all([
          // Exact scores: lists round them unless asked for the breakdown.
          t.viewer.get('/api/backlog-items?sort=valueScore&order=desc&limit=500&include=breakdown'),
          t.viewer.get('/api/backlog-items?flag=UNALIGNED&limit=500'),
        ]);
        expect(byValue.body.items.map((x: { id: string }) => x.id)).toContain(item.id);
        expect(flagged.body.items.map((x: { id: string }) => x.id)).toContain(item.id);
      }
    });
    const readers = Array.from({ length: 3 }, async () => {
      for (let i = 0; i < 8; i++) expect((await t.viewer.get('/api/alignment')).status).toBe(200);
    });
    await Promise.all([...writers, ...readers]);
    await expectViewsCurrent();
  });

  it('invalidates nothing on writes to tables that feed no score: sessions, sign-ins, audit, history', async () => {
    await t.viewer.get('/api/alignment');
    const before = await changeLogRows(t.db);
    const version = (await t.services.scoring.current()).backlog.version;
    const c = t.client();
    expect(
      (await c.post('/api/auth/login', { email: 'viewer@test.local', password: 'wrong password here' })).status,
    ).toBe(401);
    await c.login('viewer@test.local', PASSWORD);
    expect((await c.get('/api/dashboard')).status).toBe(200);
    expect((await c.get('/api/audit-events')).status).toBeLessThan(500);
    expect((await c.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect(await changeLogRows(t.db)).toBe(before);
    expect((await t.services.scoring.current()).backlog.version).toBe(version);
  });

  it('re-scores everything in the background after a settings change, reporting progress, then shows it', async () => {
    // Not watching: on PostgreSQL the settings write's NOTIFY could otherwise start (and, on a small
    // backlog, finish) the re-score before this test's read, leaving no progress to see.
    const scores = new LiveScores(t.db, undefined, { backgroundRescoreMin: 1, watch: false });
    await scores.current();
    const settings = (await t.admin.get('/api/settings/scoring')).body;
    const saved = await t.admin.put(
      '/api/settings/scoring',
      { ...settings.settings, framework: settings.settings.framework === 'rice' ? 'wsjf' : 'rice' },
      { 'if-match': `"${settings.version}"` },
    );
    expect(saved.status).toBe(200);
    const during = await scores.current();
    expect(during.rescoring).not.toBeNull();
    for (const deadline = Date.now() + 10_000; (await scores.current()).rescoring;) {
      if (Date.now() > deadline) throw new Error('the background re-score did not finish within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = await scores.current();
    const fresh = await scoreFromScratch(t.db);
    expect(after.backlog.idsInValueOrder('desc')).toEqual(fresh.items.map((i) => i.id));
    for (const item of fresh.items) expect(after.backlog.item(item.id)?.valueScore).toBe(item.valueScore);
    await scores.stop();
  });
});

describe.runIf(TEST_DATABASE_URL)('two app servers on one PostgreSQL', () => {
  let t: TestServer;
  let second: { server: Server; db: Database; api: ApiClient };

  beforeAll(async () => {
    t = await startTestServer('postgres');
    const db = await openDatabase(t.testDb.url, { schema: t.testDb.schema });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.testDb.url,
      KEYLINE_SEED: 'none',
      LOG_LEVEL: 'silent',
    });
    const { app } = createApp({ config, db, logger: pino({ level: 'silent' }) });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await api.login('viewer@test.local', PASSWORD);
    second = { server, db, api };
  });
  afterAll(async () => {
    second.server.closeAllConnections();
    await new Promise((resolve) => second.server.close(resolve));
    await second.db.close();
    await t.stop();
  });

  it('shows a write made on one server in the other server’s whole-backlog views within a second', async () => {
    const day = dayFromToday;
    const cycle = (
      await t.editor.post('/api/cycles', { name: 'Two', startsOn: day(-10), endsOn: day(60), status: 'active' })
    ).body;
    const objective = await buildObjective(t.editor, { cycleId: cycle.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: objective.id });
    // Both servers have read their scores once.
    expect((await second.api.get('/api/alignment')).status).toBe(200);
    const lags: number[] = [];
    for (let i = 0; i < 5; i++) {
      const item = await buildBacklogItem(t.editor, {
        title: `Seen ${i}`,
        reach: 100,
        impact: 1,
        confidence: 1,
        effort: 2,
      });
      expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 })).status).toBe(200);
      const written = Date.now();
      for (;;) {
        const page = await second.api.get(`/api/backlog-items?sort=valueScore&flag=UNALIGNED&limit=500`);
        const counts = (await second.api.get(`/api/key-results?cycleId=${cycle.id}`)).body[0].openItemCount;
        if (!page.body.items.some((x: { id: string }) => x.id === item.id) && counts === i + 1) break;
        if (Date.now() - written > 1_000) throw new Error(`server B still showed the old figures after 1 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      lags.push(Date.now() - written);
    }
    console.log(`two servers: change visible on the other after ${lags.join(', ')} ms`);
    expect(Math.max(...lags)).toBeLessThan(1_000);
  });
});
