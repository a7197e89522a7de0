import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildKeyResult, buildObjective } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Scoring over HTTP: every backlog item carries its value score, breakdown
 * and flags; the alignment report's headline follows the links; settings
 * re-rank; suggestions come from the text.
 */
describeEachDatabase('value scoring and alignment', (kind) => {
  let t: TestServer;
  let kr: { id: string; version: number };
  let aligned: { id: string };
  let unaligned: { id: string; version: number };
  let unscorable: { id: string };

  beforeAll(async () => {
    t = await startTestServer(kind);
    const today = new Date();
    const start = new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(today.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const cycle = (
      await t.editor.post('/api/cycles', { name: `Scoring ${kind}`, startsOn: start, endsOn: end, status: 'active' })
    ).body;
    const objective = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Cut support load' });
    kr = await buildKeyResult(t.editor, {
      objectiveId: objective.id,
      title: 'Support tickets per account',
      startValue: 40,
      targetValue: 20,
    });
    const estimates = { reach: 1000, impact: 2, confidence: 0.8, effort: 5 };
    aligned = await buildBacklogItem(t.editor, { title: 'Automate ticket triage', ...estimates });
    unaligned = await buildBacklogItem(t.editor, { title: 'Billing FAQ for support tickets', ...estimates });
    unscorable = await buildBacklogItem(t.editor, {
      title: 'Dark mode',
      reach: 100,
      impact: 1,
      confidence: 1,
      effort: null,
    });
    expect((await t.editor.put(`/api/backlog-items/${aligned.id}/links/${kr.id}`, { strength: 3 })).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('scores every item absolutely, with a breakdown, and flags what serves no goal', async () => {
    const list = await t.viewer.get('/api/backlog-items?sort=valueScore&order=desc&include=breakdown');
    const byId = new Map(list.body.items.map((i: { id: string }) => [i.id, i]));
    const a: any = byId.get(aligned.id);
    const u: any = byId.get(unaligned.id);
    const n: any = byId.get(unscorable.id);
    // Same estimates: RICE = 1000 × 2 × 0.8 ÷ 5 = 320 for both; alignment lifts the tagged one.
    expect(a.intrinsic).toBeCloseTo(320);
    expect(u.intrinsic).toBeCloseTo(320);
    expect(a.valueScore).toBeGreaterThan(u.valueScore);
    expect(list.body.items[0].id).toBe(aligned.id);
    expect(a.breakdown.alignment.terms).toHaveLength(1);
    expect(a.flags).toEqual([]);
    expect(u.flags.map((f: { code: string }) => f.code)).toContain('UNALIGNED');
    expect(n.valueScore).toBeNull();
    expect(n.flags.find((f: { code: string }) => f.code === 'NOT_SCORABLE').message).toMatch(/effort/i);
    // Not scorable sorts last whatever the order.
    expect(list.body.items.at(-1).id).toBe(unscorable.id);
    const ascending = await t.viewer.get('/api/backlog-items?sort=valueScore&order=asc');
    expect(ascending.body.items.at(-1).id).toBe(unscorable.id);
  });

  it('scores write answers and column-sorted pages against the current OKRs, not a stale snapshot', async () => {
    // Warm the snapshot, then change the structure: a new KR the snapshot has never seen.
    await t.viewer.get('/api/backlog-items?sort=valueScore');
    const objective = await buildObjective(t.editor, {
      cycleId: (await t.viewer.get(`/api/key-results/${kr.id}`)).body.cycleId,
      title: 'Grow revenue',
    });
    const newKr = await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Paid conversions' });
    const item = await buildBacklogItem(t.editor, {
      title: 'Pricing page test',
      reach: 500,
      impact: 1,
      confidence: 1,
      effort: 2,
    });
    const tagged = await t.editor.put(`/api/backlog-items/${item.id}/links/${newKr.id}`, { strength: 2 });
    expect(tagged.body.flags).toEqual([]);
    expect(tagged.body.breakdown.alignment.terms).toHaveLength(1);
    const edited = await t.editor.patch(`/api/backlog-items/${item.id}`, { effort: 4 }, tagged.body.version);
    expect(edited.body.intrinsic).toBeCloseTo(125);
    const page = await t.viewer.get('/api/backlog-items?sort=title&include=breakdown');
    const row = page.body.items.find((i: { id: string }) => i.id === item.id);
    expect(row.intrinsic).toBeCloseTo(125);
    expect(row.flags).toEqual([]);
    // Clean up so the headline figures below stay about the original three items.
    expect((await t.editor.delete(`/api/backlog-items/${item.id}`, edited.body.version)).status).toBe(204);
    const krNow = (await t.viewer.get(`/api/key-results/${newKr.id}`)).body;
    expect((await t.editor.delete(`/api/key-results/${newKr.id}`, krNow.version)).status).toBe(204);
    const objNow = (await t.viewer.get(`/api/objectives/${objective.id}`)).body;
    expect((await t.editor.delete(`/api/objectives/${objective.id}`, objNow.version)).status).toBe(204);
  });

  it('filters by flag', async () => {
    const flagged = await t.viewer.get('/api/backlog-items?flag=UNALIGNED');
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toContain(unaligned.id);
    expect(flagged.body.items.map((i: { id: string }) => i.id)).not.toContain(aligned.id);
    expect((await t.viewer.get('/api/backlog-items?flag=NOPE')).status).toBe(400);
  });

  it('reports misaligned effort and KR coverage, and tagging moves them', async () => {
    const before = (await t.viewer.get('/api/alignment')).body;
    // Open effort 10 (the unscorable item has none): 5 of it unaligned.
    expect(before.headline.openEffort).toBe(10);
    expect(before.headline.misalignedEffortShare).toBeCloseTo(0.5);
    expect(before.headline.krCoverage).toMatchObject({ covered: 1, total: 1 });
    expect(before.flagCounts.UNALIGNED).toBe(2);

    const suggestions = await t.viewer.get(`/api/backlog-items/${unaligned.id}/suggested-links`);
    expect(suggestions.status).toBe(200);
    expect(suggestions.body[0]).toMatchObject({ keyResultId: kr.id });
    expect(suggestions.body[0].matched).toEqual(expect.arrayContaining(['ticket']));
    expect((await t.editor.put(`/api/backlog-items/${unaligned.id}/links/${kr.id}`, { strength: 2 })).status).toBe(200);

    const after = (await t.viewer.get('/api/alignment')).body;
    expect(after.headline.misalignedEffortShare).toBe(0);
    expect(after.flagCounts.UNALIGNED ?? 0).toBe(1);
    // Already linked KRs are not suggested again.
    expect((await t.viewer.get(`/api/backlog-items/${unaligned.id}/suggested-links`)).body).toEqual([]);
  });

  it('lets only admins change the framework, with If-Match, and re-scores at once', async () => {
    const current = await t.viewer.get('/api/settings/scoring');
    expect(current.body.settings.framework).toBe('rice');
    const wsjf = { ...current.body.settings, framework: 'wsjf' };
    expect(
      (await t.editor.put('/api/settings/scoring', wsjf, { 'if-match': `"${current.body.version}"` })).status,
    ).toBe(403);
    expect((await t.admin.put('/api/settings/scoring', wsjf)).status).toBe(428);
    expect(
      (
        await t.admin.put(
          '/api/settings/scoring',
          { ...wsjf, framework: 'magic' },
          { 'if-match': `"${current.body.version}"` },
        )
      ).status,
    ).toBe(400);
    const saved = await t.admin.put('/api/settings/scoring', wsjf, { 'if-match': `"${current.body.version}"` });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.body.version + 1);
    const stale = await t.admin.put('/api/settings/scoring', wsjf, { 'if-match': `"${current.body.version}"` });
    expect(stale.status).toBe(412);

    // WSJF needs businessValue etc., which these items lack: now none is scorable.
    const list = await t.viewer.get('/api/backlog-items?sort=valueScore&include=breakdown');
    expect(list.body.items.every((i: { valueScore: number | null }) => i.valueScore === null)).toBe(true);
    const aItem = list.body.items.find((i: { id: string }) => i.id === aligned.id);
    expect(aItem.breakdown.intrinsic.missing).toEqual(expect.arrayContaining(['businessValue', 'jobSize']));
  });
});
