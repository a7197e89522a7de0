import { roundValueScore } from '@keyline/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Lean list answers: rows carry the value score as people read it, the
 * flags and the links; the breakdown comes with the detail or on request.
 * Lists carry a strong ETag of their bytes, so a client revalidates with
 * If-None-Match and gets 304 until something changes.
 */
describeEachDatabase('lean list rows and revalidation', (kind) => {
  let t: TestServer;
  let itemId: string;
  let krId: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    const cycle = await buildCycle(t.editor);
    const objective = await buildObjective(t.editor, { cycleId: cycle.id });
    krId = (await buildKeyResult(t.editor, { objectiveId: objective.id })).id;
    const item = await buildBacklogItem(t.editor, { title: 'Lean', reach: 10, impact: 1, confidence: 1, effort: 3 });
    itemId = item.id;
    await t.editor.put(`/api/backlog-items/${itemId}/links/${krId}`, { strength: 2 });
    await buildBacklogItem(t.editor, { title: 'Unscored' });
  });
  afterAll(() => t.stop());

  it('sends rows without the breakdown, the value score rounded, with flags and links', async () => {
    const [list, detail] = await Promise.all([
      t.viewer.get('/api/backlog-items?sort=rank'),
      t.viewer.get(`/api/backlog-items/${itemId}`),
    ]);
    const row = list.body.items.find((r: { id: string }) => r.id === itemId);
    expect(row).not.toHaveProperty('breakdown');
    expect(row).not.toHaveProperty('intrinsic');
    expect(row).not.toHaveProperty('alignment');
    expect(row.links).toEqual([{ keyResultId: krId, strength: 2 }]);
    expect(detail.body.breakdown).toBeTypeOf('object');
    expect(Number.isInteger(detail.body.valueScore * 10)).toBe(false);
    expect(row.valueScore).toBe(roundValueScore(detail.body.valueScore));
    expect(row.flags).toEqual(detail.body.flags);

    const unscored = list.body.items.find((r: { title: string }) => r.title === 'Unscored');
    expect(unscored.valueScore).toBeNull();
    expect(unscored.flags.map((f: { code: string }) => f.code)).toContain('NOT_SCORABLE');
  });

  it('sends the breakdown on every row with ?include=breakdown, as the detail has it', async () => {
    for (const query of ['sort=rank', 'sort=valueScore&order=desc', 'q=Lean']) {
      const [lean, full] = await Promise.all([
        t.viewer.get(`/api/backlog-items?${query}`),
        t.viewer.get(`/api/backlog-items?${query}&include=breakdown`),
      ]);
      const detail = await t.viewer.get(`/api/backlog-items/${itemId}`);
      const row = full.body.items.find((r: { id: string }) => r.id === itemId);
      expect(row.breakdown).toEqual(detail.body.breakdown);
      expect(row.valueScore).toBe(detail.body.valueScore);
      expect(JSON.stringify(lean.body).length).toBeLessThan(JSON.stringify(full.body).length * 0.7);
    }
  });

  it('answers 304 to a list revalidated with its ETag, and 200 with a new one after a write', async () => {
    for (const path of ['/api/backlog-items?limit=50', '/api/backlog-items?flag=UNALIGNED', '/api/key-results']) {
      const first = await t.viewer.get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[\w-]{27}"$/);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await t.viewer.get(path, { 'if-none-match': etag as string });
      expect(again.status, path).toBe(304);
      expect(again.body).toBeUndefined();
      const other = await t.viewer.get(path, { 'if-none-match': '"not-it"' });
      expect(other.status).toBe(200);
    }
    const before = await t.viewer.get('/api/backlog-items?limit=50');
    await buildBacklogItem(t.editor, { title: 'Changes the list' });
    const after = await t.viewer.get('/api/backlog-items?limit=50', {
      'if-none-match': before.headers.get('etag') as string,
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.body.total).toBe(before.body.total + 1);
  });
});
