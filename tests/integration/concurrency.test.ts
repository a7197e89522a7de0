import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

const RACERS = 8;

describeEachDatabase('concurrent writers', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  const statuses = (results: ApiResponse[]) => results.map((r) => r.status).sort();
  const updatesOf = async (entity: string, id: string) =>
    (await t.viewer.get(`/api/audit-events?entity=${entity}&entityId=${id}&limit=500`)).body.items.filter(
      (e: any) => e.action === 'update',
    );

  it('lets exactly one of two writers with the same version win on a backlog item', async () => {
    const item = await buildBacklogItem(t.editor, { title: 'Original' });
    const [a, b] = await Promise.all([
      t.editor.patch(`/api/backlog-items/${item.id}`, { title: 'A', effort: 1 }, item.version),
      t.admin.patch(`/api/backlog-items/${item.id}`, { title: 'B', effort: 2 }, item.version),
    ]);
    expect(statuses([a!, b!])).toEqual([200, 412]);
    const winner = a!.status === 200 ? a! : b!;
    const loser = a!.status === 200 ? b! : a!;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    expect(loser.body.error.current).toMatchObject({
      version: item.version + 1,
      title: winner.body.title,
      effort: winner.body.effort,
    });
    // The stored row is the winner's whole edit, not a mix of both.
    const now = (await t.viewer.get(`/api/backlog-items/${item.id}`)).body;
    expect({ title: now.title, effort: now.effort, version: now.version }).toEqual({
      title: winner.body.title,
      effort: winner.body.effort,
      version: item.version + 1,
    });
    expect(await updatesOf('backlogItem', item.id)).toHaveLength(1);
  });

  it(`lets exactly one of ${RACERS} writers win on a key result, and tells each loser the winning version`, async () => {
    const kr = await buildKeyResult(t.editor);
    const clients = Array.from({ length: RACERS }, (_, i) => (i % 2 ? t.admin : t.editor));
    const results = await Promise.all(
      clients.map((c, i) =>
        c.patch(`/api/key-results/${kr.id}`, { currentValue: i + 1, title: `Racer ${i}` }, kr.version),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers.map((r) => r.status)).toEqual(Array(RACERS - 1).fill(412));
    for (const r of losers) expect(r.body.error.current.version).toBe(kr.version + 1);
    const winner = results.find((r) => r.status === 200)!;
    const now = (await t.viewer.get(`/api/key-results/${kr.id}`)).body;
    expect({ title: now.title, currentValue: now.currentValue, version: now.version }).toEqual({
      title: winner.body.title,
      currentValue: winner.body.currentValue,
      version: kr.version + 1,
    });
    expect(await updatesOf('keyResult', kr.id)).toHaveLength(1);
  });

  it('lets exactly one of an edit, a move and a delete on one item version go through', async () => {
    const item = await buildBacklogItem(t.editor);
    const results = await Promise.all([
      t.editor.patch(`/api/backlog-items/${item.id}`, { title: 'Edited' }, item.version),
      t.editor.post(`/api/backlog-items/${item.id}/move`, { position: 'top' }, { 'if-match': `"${item.version}"` }),
      t.admin.delete(`/api/backlog-items/${item.id}`, item.version),
      t.admin.patch(`/api/backlog-items/${item.id}`, { status: 'ready' }, item.version),
    ]);
    const won = results.filter((r) => r.status < 300);
    expect(won).toHaveLength(1);
    // Losers either saw the new version (412) or, after the delete won, no row at all (404).
    for (const r of results.filter((x) => x.status >= 300)) expect([404, 412]).toContain(r.status);
    const events = (await t.viewer.get(`/api/audit-events?entity=backlogItem&entityId=${item.id}`)).body.items;
    expect(events.filter((e: any) => e.action !== 'create')).toHaveLength(1);
  });

  it('keeps every check-in when several arrive at once, and the current value follows the last one', async () => {
    const kr = await buildKeyResult(t.editor, { startValue: 0, targetValue: 100 });
    const values = Array.from({ length: RACERS }, (_, i) => (i + 1) * 10);
    const results = await Promise.all(
      values.map((value, i) =>
        (i % 2 ? t.admin : t.editor).post(`/api/key-results/${kr.id}/check-ins`, { value, confidence: 5 }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(RACERS).fill(201));
    const history = (await t.viewer.get(`/api/key-results/${kr.id}/check-ins`)).body;
    expect(history.map((c: any) => c.value).sort((x: number, y: number) => x - y)).toEqual(values);
    const now = (await t.viewer.get(`/api/key-results/${kr.id}`)).body;
    expect(now.version).toBe(kr.version + RACERS);
    // The KR shows the value of the check-in that committed last.
    const lastCommitted = (await updatesOf('keyResult', kr.id))
      .map((e: any) => e.after)
      .sort((x: any, y: any) => x.version - y.version)
      .at(-1);
    expect(now.currentValue).toBe(lastCommitted.currentValue);
  });

  it('never lets two cycles become active at once', async () => {
    const cycles = await Promise.all([buildCycle(t.editor), buildCycle(t.editor), buildCycle(t.editor)]);
    const results = await Promise.all(
      cycles.map((c, i) => (i % 2 ? t.admin : t.editor).patch(`/api/cycles/${c.id}`, { status: 'active' }, c.version)),
    );
    expect(statuses(results)).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('ACTIVE_CYCLE_EXISTS');
    const active = (await t.viewer.get('/api/cycles')).body.filter((c: any) => c.status === 'active');
    expect(active).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!;
    expect(active[0].id).toBe(winner.body.id);
    await t.editor.patch(`/api/cycles/${winner.body.id}`, { status: 'closed' }, winner.body.version);
  });

  it('creates one of several teams racing for the same name, and answers the rest 409', async () => {
    const name = `Racing team ${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 4 }, () => t.admin.post('/api/teams', { name })));
    expect(statuses(results)).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('DUPLICATE');
    expect((await t.viewer.get('/api/teams')).body.filter((x: any) => x.name === name)).toHaveLength(1);
  });

  it('gives items created or moved to the top at once distinct ranks', async () => {
    const items = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => buildBacklogItem(i % 2 ? t.admin : t.editor)),
    );
    expect(new Set(items.map((i) => i.rank)).size).toBe(RACERS);
    const moved = await Promise.all(
      items.map((item) =>
        t.editor.post(`/api/backlog-items/${item.id}/move`, { position: 'top' }, { 'if-match': `"${item.version}"` }),
      ),
    );
    expect(moved.map((r) => r.status)).toEqual(Array(RACERS).fill(200));
    expect(new Set(moved.map((r) => r.body.rank)).size).toBe(RACERS);
    // All of them now sit above everything else, in some order.
    const top = (await t.viewer.get(`/api/backlog-items?sort=rank&limit=${RACERS}`)).body.items.map((i: any) => i.id);
    expect(new Set(top)).toEqual(new Set(items.map((i) => i.id)));
  });

  it('sets one link however many identical requests race, and never answers 500', async () => {
    const kr = await buildKeyResult(t.editor);
    const item = await buildBacklogItem(t.editor);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 3 })),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    expect(results.some((r) => r.status === 200)).toBe(true);
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.links).toEqual([
      { keyResultId: kr.id, strength: 3 },
    ]);
    const events = (await t.viewer.get(`/api/audit-events?entity=link&entityId=${item.id}:${kr.id}`)).body.items;
    expect(events).toHaveLength(1);
  });
});
