import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api-client';
import { BacklogItemEntity } from '../../server/src/features/backlog/backlog-item.entity';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildKeyResult, buildTeam } from '../support/factories';
import { auditCount, captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('backlog items', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  /** Every item matching a query, following nextCursor. */
  async function listAll(query: string, limit = 500): Promise<{ items: any[]; totals: number[] }> {
    const items: any[] = [];
    const totals: number[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const res: ApiResponse = await t.viewer.get(
        `/api/backlog-items?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...res.body.items);
      totals.push(res.body.total);
      cursor = res.body.nextCursor;
    }
    return { items, totals };
  }
  const titles = async (query: string) => (await listAll(query)).items.map((i) => i.title);

  it('creates an item at the bottom with defaults, reads, edits and deletes it', async () => {
    const first = await buildBacklogItem(t.editor);
    const team = await buildTeam(t.admin);
    const created = await t.editor.post('/api/backlog-items', {
      title: 'Saved carts',
      description: 'Keep the cart across devices',
      type: 'feature',
      teamId: team.id,
      externalKey: 'SHOP-1',
      labels: ['checkout', 'mobile'],
      reach: 5000,
      impact: 2,
      confidence: 0.8,
      effort: 5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Saved carts',
      status: 'idea',
      teamId: team.id,
      externalKey: 'SHOP-1',
      labels: ['checkout', 'mobile'],
      reach: 5000,
      impact: 2,
      confidence: 0.8,
      effort: 5,
      businessValue: null,
      jobSize: null,
      links: [],
      version: 1,
    });
    expect(created.body.rank).toBeGreaterThan(first.rank);
    expect(created.headers.get('etag')).toBe('"1"');
    const read = await t.viewer.get(`/api/backlog-items/${created.body.id}`);
    expect(read.body).toMatchObject({ id: created.body.id, title: 'Saved carts', version: 1 });

    const edited = await t.editor.patch(
      `/api/backlog-items/${created.body.id}`,
      { status: 'ready', labels: [], externalKey: null },
      1,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'ready', labels: [], externalKey: null, effort: 5, version: 2 });

    const dup = await t.editor.post('/api/backlog-items', { title: 'Dup', externalKey: first.externalKey ?? 'SHOP-2' });
    expect(dup.status).toBe(201);
    const dupAgain = await t.editor.post('/api/backlog-items', {
      title: 'Dup again',
      externalKey: dup.body.externalKey,
    });
    expect(dupAgain.status).toBe(409);
    expect(dupAgain.body.error.code).toBe('DUPLICATE');

    expect((await t.editor.delete(`/api/backlog-items/${created.body.id}`, 2)).status).toBe(204);
    expect((await t.viewer.get(`/api/backlog-items/${created.body.id}`)).status).toBe(404);
  });

  it('clears an estimate with null, storing null and never 0', async () => {
    const item = await buildBacklogItem(t.editor, { effort: 8, reach: 100 });
    const cleared = await t.editor.patch(`/api/backlog-items/${item.id}`, { effort: null }, item.version);
    expect(cleared.status).toBe(200);
    expect(cleared.body.effort).toBeNull();
    expect(cleared.body.reach).toBe(100);
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.effort).toBeNull();
    const row = await t.db.read((m) => m.findOneBy(BacklogItemEntity, { id: item.id }));
    expect(row?.effort).toBeNull();
    expect(row?.reach).toBe(100);
    // A missing estimate makes the item "not scorable" rather than scoring it as free.
    expect(cleared.body.valueScore ?? null).toBeNull();
  });

  it('filters by status, type, team, key result, objective, missing links and text', async () => {
    const [t1, t2] = [await buildTeam(t.admin), await buildTeam(t.admin)];
    const k1 = await buildKeyResult(t.editor);
    const k2 = await buildKeyResult(t.editor);
    const gone = await buildKeyResult(t.editor);
    const token = `zq${Date.now().toString(36)}`;
    const a = await buildBacklogItem(t.editor, {
      title: `${token} Alpha checkout`,
      teamId: t1.id,
      type: 'feature',
      status: 'idea',
      labels: ['Payments'],
    });
    const b = await buildBacklogItem(t.editor, {
      title: `${token} Beta search`,
      teamId: t1.id,
      type: 'bug',
      status: 'ready',
    });
    const c = await buildBacklogItem(t.editor, {
      title: `${token} Gamma 100% done_x`,
      teamId: t2.id,
      type: 'chore',
      status: 'done',
    });
    const d = await buildBacklogItem(t.editor, {
      title: `${token} Delta`,
      teamId: t2.id,
      type: 'feature',
      status: 'in-progress',
    });
    const e = await buildBacklogItem(t.editor, {
      title: `${token} Epsilon`,
      description: 'Refund FLOW',
      type: 'experiment',
      status: 'dropped',
      externalKey: `${token}-42`,
    });
    await t.editor.put(`/api/backlog-items/${a.id}/links/${k1.id}`, { strength: 3 });
    await t.editor.put(`/api/backlog-items/${b.id}/links/${k2.id}`, {});
    await t.editor.put(`/api/backlog-items/${d.id}/links/${gone.id}`, {});
    expect((await t.editor.delete(`/api/key-results/${gone.id}`, gone.version)).status).toBe(204);
    const mine = new Map([a, b, c, d, e].map((i) => [i.id, i.title.slice(token.length + 1)]));

    /** Checks the filter on every row it returns, and which of this test's items it returns. */
    async function check(query: string, holds: (item: any) => boolean, expected: string[]) {
      const { items, totals } = await listAll(query);
      expect(
        items.filter((i) => !holds(i)).map((i) => i.title),
        `${query}: rows that do not match`,
      ).toEqual([]);
      expect(
        items
          .filter((i) => mine.has(i.id))
          .map((i) => mine.get(i.id))
          .sort(),
        query,
      ).toEqual(expected.sort());
      expect(
        totals.every((total) => total === items.length),
        `${query}: total`,
      ).toBe(true);
    }
    await check('status=idea,ready', (i) => ['idea', 'ready'].includes(i.status), ['Alpha checkout', 'Beta search']);
    await check('type=chore,experiment', (i) => ['chore', 'experiment'].includes(i.type), [
      'Gamma 100% done_x',
      'Epsilon',
    ]);
    await check(`teamId=${t1.id}`, (i) => i.teamId === t1.id, ['Alpha checkout', 'Beta search']);
    await check(`teamId=${t2.id}&status=done`, (i) => i.teamId === t2.id && i.status === 'done', ['Gamma 100% done_x']);
    await check(`keyResultId=${k1.id}`, (i) => i.links.some((l: any) => l.keyResultId === k1.id), ['Alpha checkout']);
    await check(`objectiveId=${k2.objectiveId}`, (i) => i.links.some((l: any) => l.keyResultId === k2.id), [
      'Beta search',
    ]);
    // A link to a deleted key result no longer counts as alignment.
    await check('unlinked=true', (i) => !i.links.some((l: any) => [k1.id, k2.id].includes(l.keyResultId)), [
      'Gamma 100% done_x',
      'Delta',
      'Epsilon',
    ]);
    await check(`q=${token}`, () => true, ['Alpha checkout', 'Beta search', 'Gamma 100% done_x', 'Delta', 'Epsilon']);
    // Case-insensitive, across title, description, external key and labels; % and _ are plain characters.
    expect(await titles(`q=${encodeURIComponent(`${token} ALPHA`)}`)).toEqual([`${token} Alpha checkout`]);
    expect(await titles('q=refund%20flow')).toEqual([`${token} Epsilon`]);
    expect(await titles(`q=${token}-42`)).toEqual([`${token} Epsilon`]);
    expect(await titles(`q=payments&teamId=${t1.id}`)).toEqual([`${token} Alpha checkout`]);
    expect(await titles(`q=${encodeURIComponent('100%')}`)).toEqual([`${token} Gamma 100% done_x`]);
    expect(await titles(`q=${encodeURIComponent(`${token}%`)}`)).toEqual([]);
    expect(await titles(`q=${encodeURIComponent('e_x')}`)).toEqual([`${token} Gamma 100% done_x`]);
    expect(await titles(`q=${encodeURIComponent(`${token}_`)}`)).toEqual([]);
  });

  it('sorts by a column in both orders with missing values last', async () => {
    const team = await buildTeam(t.admin);
    for (const [title, effort] of [
      ['five', 5],
      ['none', null],
      ['one', 1],
      ['three', 3],
    ] as const) {
      await buildBacklogItem(t.editor, { title, teamId: team.id, effort });
    }
    expect(await titles(`teamId=${team.id}&sort=effort&order=asc`)).toEqual(['one', 'three', 'five', 'none']);
    expect(await titles(`teamId=${team.id}&sort=effort&order=desc`)).toEqual(['five', 'three', 'one', 'none']);
    expect(await titles(`teamId=${team.id}&sort=reach&order=desc`)).toEqual(['five', 'none', 'one', 'three']); // all null: rank order
    expect(await titles(`teamId=${team.id}`)).toEqual(['five', 'none', 'one', 'three']); // default: rank
    expect(await titles(`teamId=${team.id}&sort=rank&order=desc`)).toEqual(['three', 'one', 'none', 'five']);
    expect((await t.viewer.get('/api/backlog-items?sort=password')).status).toBe(400);
  });

  it('pages with a cursor through every row exactly once, with the total on every page', async () => {
    const team = await buildTeam(t.admin);
    const created: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const items = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          buildBacklogItem(t.editor, { teamId: team.id, title: `Paged ${batch}-${i}`, effort: (i % 4) + 1 }),
        ),
      );
      created.push(...items.map((i) => i.id));
    }
    const whole = await listAll(`teamId=${team.id}&sort=effort&order=desc`);
    const paged = await listAll(`teamId=${team.id}&sort=effort&order=desc`, 10);
    expect(paged.totals).toEqual([45, 45, 45, 45, 45]);
    expect(paged.items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(new Set(paged.items.map((i) => i.id))).toEqual(new Set(created));

    // The whole backlog, unfiltered, pages the same way.
    const everything = await listAll('sort=rank', 7);
    expect(new Set(everything.items.map((i) => i.id)).size).toBe(everything.items.length);
    expect(everything.items.length).toBe(everything.totals[0]);
    for (const id of created) expect(everything.items.some((i) => i.id === id)).toBe(true);
    const ranks = everything.items.map((i) => i.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    expect((await t.viewer.get('/api/backlog-items?limit=500')).status).toBe(200);
    for (const bad of [
      'limit=501',
      'limit=0',
      'limit=abc',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('{"o":-1}').toString('base64url')}`,
    ]) {
      const res = await t.viewer.get(`/api/backlog-items?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    // A cursor past the end is an empty page, not an error.
    const beyond = await t.viewer.get(
      `/api/backlog-items?teamId=${team.id}&cursor=${Buffer.from('{"o":1000}').toString('base64url')}`,
    );
    expect(beyond.body).toEqual({ items: [], total: 45, nextCursor: null });
  });

  it('moves an item to the top, the bottom, and before or after another', async () => {
    const team = await buildTeam(t.admin);
    const items: Record<string, any> = {};
    for (const name of ['a', 'b', 'c', 'd'])
      items[name] = await buildBacklogItem(t.editor, { title: name, teamId: team.id });
    const order = () => titles(`teamId=${team.id}&sort=rank`);
    const move = async (name: string, body: object) => {
      const res = await t.editor.post(`/api/backlog-items/${items[name].id}/move`, body, {
        'if-match': `"${items[name].version}"`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.version).toBe(items[name].version + 1);
      items[name] = res.body;
    };
    expect(await order()).toEqual(['a', 'b', 'c', 'd']);
    await move('d', { position: 'top' });
    expect(await order()).toEqual(['d', 'a', 'b', 'c']);
    expect((await t.viewer.get('/api/backlog-items?sort=rank&limit=1')).body.items[0].id).toBe(items.d.id);
    await move('d', { position: 'bottom' });
    expect(await order()).toEqual(['a', 'b', 'c', 'd']);
    expect((await t.viewer.get('/api/backlog-items?sort=rank&order=desc&limit=1')).body.items[0].id).toBe(items.d.id);
    await move('a', { afterId: items.c.id });
    expect(await order()).toEqual(['b', 'c', 'a', 'd']);
    await move('d', { beforeId: items.b.id });
    expect(await order()).toEqual(['d', 'b', 'c', 'a']);

    const before = await captureState(t.admin);
    const self = await t.editor.post(
      `/api/backlog-items/${items.b.id}/move`,
      { beforeId: items.b.id },
      { 'if-match': `"${items.b.version}"` },
    );
    expect(self.status).toBe(400);
    const unknown = await t.editor.post(
      `/api/backlog-items/${items.b.id}/move`,
      { afterId: crypto.randomUUID() },
      { 'if-match': `"${items.b.version}"` },
    );
    expect(unknown.status).toBe(400);
    const vague = await t.editor.post(
      `/api/backlog-items/${items.b.id}/move`,
      { position: 'middle' },
      { 'if-match': `"${items.b.version}"` },
    );
    expect(vague.status).toBe(400);
    const both = await t.editor.post(
      `/api/backlog-items/${items.b.id}/move`,
      { position: 'top', beforeId: items.a.id },
      { 'if-match': `"${items.b.version}"` },
    );
    expect(both.status).toBe(400);
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('keeps the order when many moves land in one gap (ranks are renumbered)', async () => {
    const team = await buildTeam(t.admin);
    const [a, x, y, b] = [
      await buildBacklogItem(t.editor, { title: 'a', teamId: team.id }),
      await buildBacklogItem(t.editor, { title: 'x', teamId: team.id }),
      await buildBacklogItem(t.editor, { title: 'y', teamId: team.id }),
      await buildBacklogItem(t.editor, { title: 'b', teamId: team.id }),
    ];
    const versions: Record<string, number> = { [x.id]: x.version, [y.id]: y.version };
    // Alternately moving x and y just after a halves the gap after a each time.
    for (let i = 0; i < 40; i++) {
      const mover = i % 2 === 0 ? x : y;
      const res = await t.editor.post(
        `/api/backlog-items/${mover.id}/move`,
        { afterId: a.id },
        { 'if-match': `"${versions[mover.id]}"` },
      );
      expect(res.status).toBe(200);
      versions[mover.id] = res.body.version;
    }
    // y moved last, so it sits right after a.
    expect(await titles(`teamId=${team.id}&sort=rank`)).toEqual(['a', 'y', 'x', 'b']);
    const ranks = (await listAll(`teamId=${team.id}&sort=rank`)).items.map((i) => i.rank);
    expect(new Set(ranks).size).toBe(4);
    expect(b.id).toBeTruthy();
  });

  it('links an item to a key result, changes the strength, and unlinks it', async () => {
    const kr = await buildKeyResult(t.editor);
    const item = await buildBacklogItem(t.editor);
    const linked = await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, {});
    expect(linked.status).toBe(200);
    expect(linked.body.links).toEqual([{ keyResultId: kr.id, strength: 2 }]);
    // Setting the same link again is a no-op: no second audit row.
    const audits = await auditCount(t.admin);
    expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 })).body.links).toEqual([
      { keyResultId: kr.id, strength: 2 },
    ]);
    expect(await auditCount(t.admin)).toBe(audits);
    const stronger = await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 3 });
    expect(stronger.body.links).toEqual([{ keyResultId: kr.id, strength: 3 }]);
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.links).toEqual([
      { keyResultId: kr.id, strength: 3 },
    ]);

    const before = await captureState(t.admin);
    for (const [what, res, status] of [
      ['strength 4', await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 4 }), 400],
      ['strength 1.5', await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 1.5 }), 400],
      ['unknown key result', await t.editor.put(`/api/backlog-items/${item.id}/links/${crypto.randomUUID()}`, {}), 404],
      ['unknown item', await t.editor.put(`/api/backlog-items/${crypto.randomUUID()}/links/${kr.id}`, {}), 404],
      ['bad id', await t.editor.put(`/api/backlog-items/${item.id}/links/42`, {}), 400],
    ] as const) {
      expect(res.status, what).toBe(status);
    }
    expect(await captureState(t.admin)).toEqual(before);

    expect((await t.editor.delete(`/api/backlog-items/${item.id}/links/${kr.id}`)).status).toBe(204);
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.links).toEqual([]);
    const again = await t.editor.delete(`/api/backlog-items/${item.id}/links/${kr.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
  });

  it('deletes an item together with its links', async () => {
    const kr = await buildKeyResult(t.editor);
    const item = await buildBacklogItem(t.editor);
    await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, {});
    expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.openItemCount).toBe(1);
    expect((await t.editor.delete(`/api/backlog-items/${item.id}`, item.version)).status).toBe(204);
    expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.openItemCount).toBe(0);
    expect((await listAll(`keyResultId=${kr.id}`)).items).toEqual([]);
  });
});
