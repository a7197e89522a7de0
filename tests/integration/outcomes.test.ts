import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { fixture, itemsByKey, postCsv } from '../fixtures/fixtures';
import { auditCount } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const DAY = 86_400_000;
/** Midnight UTC `offset` days from today, as the API stores it. */
const at = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString();
const day = (offset: number) => at(offset).slice(0, 10);

describeEachDatabase('outcomes', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  /** A quarter that started 70 days ago, with one KR 10 → 110 (a range of 100). */
  async function quarterWithKr(name: string) {
    const cycle = await buildCycle(t.editor, { name, startsOn: day(-70), endsOn: day(20) });
    const objective = await buildObjective(t.editor, { cycleId: cycle.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: objective.id, startValue: 10, targetValue: 110 });
    return { cycle, kr };
  }

  it('records a check-in for an earlier moment: both times kept, the newer value stays current, bad moments refused', async () => {
    const { kr } = await quarterWithKr('At-Q');
    const now = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 30, confidence: 6 });
    expect(now.status).toBe(201);
    expect(now.body.at).toBe(now.body.createdAt);

    const late = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, {
      value: 20,
      confidence: 5,
      note: 'Last week, entered on Monday',
      at: at(-7),
    });
    expect(late.status).toBe(201);
    expect(late.body.at).toBe(at(-7));
    expect(late.body.createdAt > late.body.at).toBe(true);
    // The late entry is for an earlier moment: the KR still shows the newer 30.
    const after = await t.viewer.get(`/api/key-results/${kr.id}`);
    expect(after.body).toMatchObject({ currentValue: 30, latestConfidence: 6 });
    // History in the order of the moments they are for, newest first.
    const history = await t.viewer.get(`/api/key-results/${kr.id}/check-ins`);
    expect(history.body.map((c: { value: number }) => c.value)).toEqual([30, 20]);
    // The audit trail has both: when it was entered and the moment it is for.
    const audit = await t.admin.get(`/api/audit-events?entity=keyResult&entityId=${kr.id}&limit=10`);
    const recorded = audit.body.items.find((e: any) => e.after?.checkIn?.id === late.body.id);
    expect(recorded.after.checkIn).toMatchObject({ at: at(-7), createdAt: late.body.createdAt });

    const events = await auditCount(t.admin);
    for (const [body, message] of [
      [{ at: at(3) }, 'future'],
      [{ at: at(-71) }, "key result's quarter"],
      [{ at: 'last tuesday' }, 'date and time'],
    ] as const) {
      const refused = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 99, confidence: 1, ...body });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain(message);
    }
    expect((await t.viewer.get(`/api/key-results/${kr.id}/check-ins`)).body).toHaveLength(2);
    expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.currentValue).toBe(30);
    expect(await auditCount(t.admin)).toBe(events);
  });

  it("sets a done item's date with If-Match; refuses the future, a not-done item and a stale version", async () => {
    const item = await buildBacklogItem(t.editor, { status: 'done' });
    expect(item.doneAt).not.toBeNull();
    const set = await t.editor.patch(`/api/backlog-items/${item.id}`, { doneAt: at(-20) }, item.version);
    expect(set.status).toBe(200);
    expect(set.body.doneAt).toBe(at(-20));

    const events = await auditCount(t.admin);
    expect((await t.editor.patch(`/api/backlog-items/${item.id}`, { doneAt: at(-10) })).status).toBe(428);
    expect((await t.editor.patch(`/api/backlog-items/${item.id}`, { doneAt: at(-10) }, item.version)).status).toBe(412);
    const future = await t.editor.patch(`/api/backlog-items/${item.id}`, { doneAt: at(2) }, set.body.version);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('future');
    const open = await buildBacklogItem(t.editor, { status: 'ready' });
    const notDone = await t.editor.patch(`/api/backlog-items/${open.id}`, { doneAt: at(-3) }, open.version);
    expect(notDone.status).toBe(400);
    expect(notDone.body.error.message).toContain('Only a done item');
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.doneAt).toBe(at(-20));
    expect((await auditCount(t.admin)) - events).toBe(1); // the open item's creation only

    // Reopening clears it; marking done again with a date keeps that date.
    const reopened = await t.editor.patch(`/api/backlog-items/${item.id}`, { status: 'ready' }, set.body.version);
    expect(reopened.body.doneAt).toBeNull();
    const redone = await t.editor.patch(
      `/api/backlog-items/${item.id}`,
      { status: 'done', doneAt: at(-5) },
      reopened.body.version,
    );
    expect(redone.body).toMatchObject({ status: 'done', doneAt: at(-5) });
  });

  it('imports Jira’s Resolved column as the done date', async () => {
    const res = await postCsv(t.editor, fixture('jira-cloud-all-fields.csv'), { mode: 'apply' });
    expect(res.status).toBe(200);
    expect(res.body.mapping).toMatchObject({ Resolved: 'doneAt' });
    const items = await itemsByKey(t.viewer);
    expect(items.get('KEY-106')).toMatchObject({ status: 'done', doneAt: '2023-11-30T17:00:00.000Z' });
    expect(items.get('KEY-101')).toMatchObject({ status: 'ready', doneAt: null });
  });

  it('reports which shipped items moved their KR, per quarter and team, with filters and a CSV', async () => {
    const team = await buildTeam(t.admin, { name: 'Growth outcomes' });
    const { cycle, kr } = await quarterWithKr('Out-Q');
    const { kr: flat } = await quarterWithKr('Out-Q2');
    const checkIn = (id: string, value: number, offset: number) =>
      t.editor.post(`/api/key-results/${id}/check-ins`, { value, confidence: 7, at: at(offset) });
    // Flat at 10 until the item ships 40 days ago, then a step to 40.
    for (const [value, offset] of [
      [10, -60],
      [10, -47],
      [40, -33],
      [42, -19],
    ] as const) {
      expect((await checkIn(kr.id, value, offset)).status).toBe(201);
    }
    for (const offset of [-60, -33, -19]) await checkIn(flat.id, 10, offset);

    const shipped = await buildBacklogItem(t.editor, {
      title: 'Annual plan discount',
      status: 'done',
      doneAt: at(-40),
      teamId: team.id,
      effort: 5,
      impact: 2,
      confidence: 0.5,
    });
    expect(shipped.doneAt).toBe(at(-40));
    await t.editor.put(`/api/backlog-items/${shipped.id}/links/${kr.id}`, { strength: 3 });
    const idle = await buildBacklogItem(t.editor, { title: 'Pricing page copy', status: 'done', doneAt: at(-40) });
    await t.editor.put(`/api/backlog-items/${idle.id}/links/${flat.id}`, { strength: 2 });

    const res = await t.viewer.get(`/api/outcomes?cycleId=${cycle.id}`);
    expect(res.status).toBe(200);
    expect(res.body.note).toContain('Correlation, not proof of cause');
    expect(res.body.summary).toMatchObject({
      shipped: 1,
      judged: 1,
      hits: 1,
      hitRate: 1,
      sampleNote: '1 item: too few to judge',
    });
    const [item] = res.body.items;
    expect(item).toMatchObject({ title: 'Annual plan discount', state: 'moved', teamId: team.id, predicted: 1 });
    // Value when done: 3/7 of the way from 10 (47 days ago) to 40 (33 days ago) = 10 + 30 × 7/14 = 25.
    expect(item.links[0]).toMatchObject({ keyResultTitle: kr.title, valueAtDone: 25, moved: true, provisional: false });
    // 28 days later (12 days ago): the last check-in, 42 → movement 0.17 of the range, pace before 0.
    expect(item.links[0].movement).toBeCloseTo(0.17, 10);
    expect(item.links[0].paceBefore).toBe(0);
    expect(res.body.byTeam).toEqual([{ teamId: team.id, summary: expect.objectContaining({ hits: 1 }) }]);

    // The leadership dashboard's headline: the same figures, with the quarters up to this one.
    const dash = await t.viewer.get(`/api/dashboard?cycleId=${cycle.id}`);
    expect(dash.status).toBe(200);
    expect(dash.body.outcomes).toMatchObject({ cycleId: cycle.id, shipped: 1, judged: 1, hits: 1, hitRate: 1 });
    expect(dash.body.outcomes.trend).toContainEqual({ cycleId: cycle.id, name: 'Out-Q', judged: 1, hitRate: 1 });
    const teamDash = await t.viewer.get(`/api/dashboard?cycleId=${cycle.id}&teamId=${team.id}`);
    expect(teamDash.body.outcomes).toMatchObject({ shipped: 1, hits: 1 });

    const all = await t.viewer.get(`/api/outcomes`);
    expect(all.body.summary).toMatchObject({ judged: 2, hits: 1, hitRate: 0.5 });
    const nothing = await t.viewer.get(`/api/outcomes?state=not-moved`);
    expect(nothing.body.items.map((i: { title: string }) => i.title)).toEqual(['Pricing page copy']);
    const byKr = await t.viewer.get(`/api/outcomes?keyResultId=${kr.id}`);
    expect(byKr.body.items.map((i: { itemId: string }) => i.itemId)).toEqual([shipped.id]);
    const byItem = await t.viewer.get(`/api/outcomes?itemId=${idle.id}`);
    expect(byItem.body.items.map((i: { itemId: string }) => i.itemId)).toEqual([idle.id]);
    expect(byItem.body.itemCount).toBe(1);
    const byTeam = await t.viewer.get(`/api/outcomes?teamId=${team.id}`);
    expect(byTeam.body.summary).toMatchObject({ judged: 1, hits: 1 });
    expect(byTeam.body.trackRecords).toContainEqual({ teamId: team.id, hits: 1, judged: 1 });
    expect((await t.viewer.get('/api/outcomes?state=sideways')).status).toBe(400);

    const csv = await t.viewer.get(`/api/exports/outcomes.csv?cycleId=${cycle.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Quarter,Team,Key,Item,Done,Outcome');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Annual plan discount');
    expect(lines[1]).toContain('Moved');
  });

  it("shows a shipped item's outcome on the dashboard at once, and within seconds while writes keep coming", async () => {
    const { cycle, kr } = await quarterWithKr('Dash-Q');
    for (const [value, offset] of [
      [10, -60],
      [40, -33],
      [42, -19],
    ] as const)
      await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value, confidence: 7, at: at(offset) });
    const headline = async () => (await t.viewer.get(`/api/dashboard?cycleId=${cycle.id}`)).body.outcomes;
    const ship = async (title: string, offset: number) => {
      const item = await buildBacklogItem(t.editor, { title, status: 'done', doneAt: at(offset), effort: 3 });
      await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 });
    };
    expect(await headline()).toMatchObject({ shipped: 0, judged: 0 });

    // After a quiet moment (server/src/features/outcomes/outcome.service.ts), the next read waits for the new figures.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await ship('Checkout redesign', -40);
    expect(await headline()).toMatchObject({ shipped: 1, judged: 1, hits: 1 });

    // Straight after that report: the dashboard may show it once more, and shows the new one within the spacing.
    await ship('Saved carts', -38);
    await expect.poll(async () => (await headline()).shipped, { timeout: 5_000, interval: 200 }).toBe(2);
    // The Outcomes page itself never answers from an older report.
    await ship('One-click reorder', -37);
    const page = await t.viewer.get(`/api/outcomes?cycleId=${cycle.id}`);
    expect(page.body.summary).toMatchObject({ shipped: 3 });
  });

  it('keeps the window and noise threshold in settings, with If-Match and validation', async () => {
    const read = await t.viewer.get('/api/settings/outcomes');
    expect(read.body).toMatchObject({ version: 0, settings: { windowDays: 28, noiseThreshold: 0.05 } });
    const bad = await t.admin.put('/api/settings/outcomes', { windowDays: 3, noiseThreshold: 0.05 }, ifMatch(0));
    expect(bad.status).toBe(400);
    expect(
      (await t.editor.put('/api/settings/outcomes', { windowDays: 14, noiseThreshold: 0.1 }, ifMatch(0))).status,
    ).toBe(403);
    const saved = await t.admin.put('/api/settings/outcomes', { windowDays: 14, noiseThreshold: 0.1 }, ifMatch(0));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, settings: { windowDays: 14, noiseThreshold: 0.1 } });
    expect((await t.viewer.get('/api/outcomes')).body.settings).toEqual({ windowDays: 14, noiseThreshold: 0.1 });
    expect(
      (await t.admin.put('/api/settings/outcomes', { windowDays: 21, noiseThreshold: 0 }, ifMatch(0))).status,
    ).toBe(412);
  });
});
