import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';
import { dayFromToday } from '../support/days';

const day = dayFromToday;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/**
 * A hand-made backlog whose value order is fixed by orders of magnitude
 * (reach ÷ effort, impact and confidence 1): A ≫ B ≫ C ≫ D ≫ F, E unscorable.
 * Alignment multiplies an aligned item's value by at most a few, so it
 * cannot reorder them.
 */
describeEachDatabase('what-if planner', (kind) => {
  let t: TestServer;
  let team: { id: string };
  const item: Record<string, { id: string; version: number }> = {};
  const kr: Record<string, string> = {};
  const objective: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await buildTeam(t.admin);
    const cycle = await buildCycle(t.editor, { name: 'Plan-Q', startsOn: day(-10), endsOn: day(80), status: 'active' });
    objective.o1 = (await buildObjective(t.editor, { cycleId: cycle.id, title: 'Revenue', weight: 3 })).id;
    objective.o2 = (await buildObjective(t.editor, { cycleId: cycle.id, title: 'Support', weight: 1 })).id;
    kr.k1 = (await buildKeyResult(t.editor, { objectiveId: objective.o1, title: 'ARR' })).id;
    kr.k2 = (await buildKeyResult(t.editor, { objectiveId: objective.o2, title: 'Tickets' })).id;
    kr.k3 = (await buildKeyResult(t.editor, { objectiveId: objective.o2, title: 'CSAT' })).id;
    const make = async (name: string, reach: number, effort: number | null, link?: string) => {
      const created = await buildBacklogItem(t.editor, {
        title: name,
        teamId: team.id,
        reach,
        impact: 1,
        confidence: 1,
        effort,
      });
      if (link) await t.editor.put(`/api/backlog-items/${created.id}/links/${link}`, { strength: 3 });
      item[name] = (await t.editor.get(`/api/backlog-items/${created.id}`)).body;
    };
    await make('A', 5_000_000, 5, kr.k1);
    await make('B', 80_000, 8, kr.k2);
    await make('C', 6_000, 3);
    await make('D', 20, 2, kr.k1);
    await make('E', 100, null);
    await make('F', 2, 1);
    // Another team's item, the most valuable of all: out of scope for the team's plan.
    await buildBacklogItem(t.editor, { title: 'G', reach: 100_000_000, impact: 1, confidence: 1, effort: 1 });
    // Manual order: F, C, A, B, D, E.
    await t.editor.post(
      `/api/backlog-items/${item.C!.id}/move`,
      { position: 'top' },
      { 'if-match': `"${item.C!.version}"` },
    );
    await t.editor.post(
      `/api/backlog-items/${item.F!.id}/move`,
      { position: 'top' },
      { 'if-match': `"${item.F!.version}"` },
    );
  });
  afterAll(() => t.stop());

  const name = (id: string) => Object.entries(item).find(([, v]) => v.id === id)?.[0];
  const names = (rows: { id: string }[]) => ids(rows).map(name);

  it('the hand-made data has the value order the plans below assume', async () => {
    const res = await t.viewer.get(`/api/backlog-items?teamId=${team.id}&sort=valueScore&order=desc`);
    expect(names(res.body.items)).toEqual(['A', 'B', 'C', 'D', 'F', 'E']);
    const byRank = await t.viewer.get(`/api/backlog-items?teamId=${team.id}&sort=rank`);
    expect(names(byRank.body.items)).toEqual(['F', 'C', 'A', 'B', 'D', 'E']);
  });

  it('fills a capacity by value and by manual rank side by side, with the cut line, effort per objective, KR coverage and misaligned share', async () => {
    const before = await captureState(t.admin);
    const res = await t.viewer.get(`/api/planner?teamId=${team.id}&capacity=10`);
    expect(res.status).toBe(200);
    const { byValue, byRank } = res.body;

    // By value: A (5) fits; B (8) does not → the line; C (3) and D (2) fill the gap to 10; F (1) no longer fits.
    expect(names(byValue.items)).toEqual(['A', 'C', 'D']);
    expect(byValue.cutLine).toEqual({ index: 1, beforeItemId: item.B!.id });
    expect(names(byValue.belowCut)).toEqual(['B', 'F']);
    expect(byValue).toMatchObject({ capacity: 10, usedEffort: 10, remainingCapacity: 0, misalignedEffort: 3 });
    expect(byValue.misalignedEffortShare).toBeCloseTo(0.3);
    expect(byValue.items[0]).toMatchObject({ title: 'A', effort: 5, forced: false });
    expect(byValue.coveredKeyResults.map((k: any) => k.title)).toEqual(['ARR']);
    expect(byValue.uncoveredKeyResults.map((k: any) => k.title).sort()).toEqual(['CSAT', 'Tickets']);
    const o1 = byValue.objectives.find((o: any) => o.objectiveId === objective.o1);
    expect(o1).toMatchObject({ title: 'Revenue', weightShare: 0.75, effort: 7 });
    expect(o1.effortShare).toBeCloseTo(0.7);
    expect(byValue.objectives.find((o: any) => o.objectiveId === objective.o2)).toMatchObject({
      weightShare: 0.25,
      effort: 0,
      effortShare: 0,
    });

    // By rank: F (1), C (3), A (5) = 9; B (8) does not fit → the line; D (2) would make 11.
    expect(names(byRank.items)).toEqual(['F', 'C', 'A']);
    expect(byRank.cutLine).toEqual({ index: 3, beforeItemId: item.B!.id });
    expect(byRank).toMatchObject({ usedEffort: 9, remainingCapacity: 1, misalignedEffort: 4 });
    expect(byRank.misalignedEffortShare).toBeCloseTo(4 / 9);

    // No estimate, no plan.
    expect(names(res.body.needsEstimate)).toEqual(['E']);
    expect(res.body.needsEstimateTotal).toBe(1);
    // Reading a plan writes nothing.
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('forces included items in at the top (even past capacity) and keeps excluded ones out', async () => {
    const forced = (await t.viewer.get(`/api/planner?teamId=${team.id}&capacity=10&include=${item.B!.id}`)).body
      .byValue;
    expect(names(forced.items)).toEqual(['B', 'D']);
    expect(forced.items[0].forced).toBe(true);
    expect(forced.cutLine).toEqual({ index: 1, beforeItemId: item.A!.id });
    expect(forced.coveredKeyResults.map((k: any) => k.title).sort()).toEqual(['ARR', 'Tickets']);

    const over = (await t.viewer.get(`/api/planner?teamId=${team.id}&capacity=4&include=${item.B!.id},${item.A!.id}`))
      .body.byRank;
    expect(names(over.items)).toEqual(['B', 'A']);
    expect(over).toMatchObject({ usedEffort: 13, remainingCapacity: -9 });

    const without = (await t.viewer.get(`/api/planner?teamId=${team.id}&capacity=10&exclude=${item.A!.id}`)).body
      .byValue;
    expect(names(without.items)).toEqual(['B', 'D']);
    expect(without.cutLine).toEqual({ index: 1, beforeItemId: item.C!.id });

    // Everyone's backlog: G (another team's) leads the value plan.
    const everyone = (await t.viewer.get('/api/planner?capacity=6')).body;
    expect(everyone.byValue.items[0].title).toBe('G');
    expect(everyone.teamId).toBeNull();

    // Unknown ids are reported, not fatal; bad input is a 400.
    const unknown = crypto.randomUUID();
    expect((await t.viewer.get(`/api/planner?capacity=5&include=${unknown}`)).body.ignoredIds).toEqual([unknown]);
    expect((await t.viewer.get('/api/planner?capacity=-1')).status).toBe(400);
    expect((await t.viewer.get('/api/planner?capacity=ten')).status).toBe(400);
    expect((await t.viewer.get('/api/planner?capacity=5&include=not-an-id')).status).toBe(400);
    expect((await t.viewer.get(`/api/planner?capacity=5&cycleId=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('applies a plan as the new rank order: chosen items first in that order, everything else keeps its order', async () => {
    const before = await captureState(t.admin);
    expect((await t.viewer.post('/api/planner/apply', { itemIds: [item.D!.id] })).status).toBe(403);
    const bad = await t.editor.post('/api/planner/apply', { itemIds: [item.D!.id, crypto.randomUUID()] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['itemIds', 1]);
    expect((await t.editor.post('/api/planner/apply', { itemIds: [item.D!.id, item.D!.id] })).status).toBe(400);
    expect((await t.editor.post('/api/planner/apply', { itemIds: [] })).status).toBe(400);
    expect(await captureState(t.admin)).toEqual(before);

    const dBefore = (await t.viewer.get(`/api/backlog-items/${item.D!.id}`)).body;
    const res = await t.editor.post('/api/planner/apply', { itemIds: [item.D!.id, item.A!.id] });
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([item.D!.id, item.A!.id]);
    expect(res.body.items[0].version).toBe(dBefore.version + 1);

    const all = await t.viewer.get('/api/backlog-items?sort=rank&limit=50');
    expect(all.body.items.map((i: any) => i.title)).toEqual(['D', 'A', 'F', 'C', 'B', 'E', 'G']);
    // A stale edit of a re-ranked item is refused, not silently applied over the new rank.
    expect((await t.editor.patch(`/api/backlog-items/${item.D!.id}`, { title: 'D2' }, dBefore.version)).status).toBe(
      412,
    );
    const audit = await t.viewer.get(`/api/audit-events?entity=backlogItem&entityId=${item.A!.id}&limit=1`);
    expect(audit.body.items[0].after).toMatchObject({ plannedPosition: 2 });
  });
});
