import { DashboardSchema } from '@keyline/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KeyResultEntity } from '../../server/src/features/key-results/key-result.entity';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { dayFromToday as day } from '../support/days';

const DAY = 86_400_000;

/**
 * A small hand-made quarter, two thirds through (expected pace ≈ 0.67):
 *   O1 Revenue (company, weight 2): a 70% conf 8 → on track (its done item was followed by movement)
 *   O2 Support (team T, weight 1):  b 20% conf 6 → off track, no work
 *                                   c 65% conf 3 → at risk on confidence alone
 *                                   d no check-in, created 10 days ago → check-in due, behind pace, no work
 *                                   e 30% conf 5, 2 of 3 linked items done since → output without outcome
 */
describeEachDatabase('leadership dashboard', (kind) => {
  let t: TestServer;
  let team: { id: string };
  let cycle: { id: string; startsOn: string; endsOn: string };
  const kr: Record<string, { id: string }> = {};

  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await buildTeam(t.admin, { name: 'Support' });
    cycle = await buildCycle(t.editor, { name: 'Dash-Q', startsOn: day(-60), endsOn: day(29), status: 'active' });
    const revenue = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Revenue', weight: 2 });
    const support = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Support', weight: 1, teamId: team.id });
    kr.a = await buildKeyResult(t.editor, { objectiveId: revenue.id, title: 'a' });
    for (const name of ['b', 'c', 'd', 'e'])
      kr[name] = await buildKeyResult(t.editor, { objectiveId: support.id, title: name });
    await t.db.write((m) =>
      m.update(KeyResultEntity, { id: kr.d!.id }, { createdAt: new Date(Date.now() - 10 * DAY).toISOString() }),
    );

    const item = async (title: string, effort: number | null, link?: string, teamId: string | null = null) => {
      const created = await buildBacklogItem(t.editor, { title, effort, teamId });
      if (link) await t.editor.put(`/api/backlog-items/${created.id}/links/${link}`, { strength: 2 });
      return created;
    };
    await item('i1', 5, kr.a!.id);
    await item('i2', 3, kr.c!.id, team.id);
    await item('i3', 2);
    const e1 = await item('e1', 1, kr.e!.id);
    const e2 = await item('e2', 1, kr.e!.id);
    await item('e3', null, kr.e!.id);
    const ad = await item('ad', 1, kr.a!.id);

    const checkIn = (name: string, value: number, confidence: number, note = '') =>
      t.editor.post(`/api/key-results/${kr[name]!.id}/check-ins`, { value, confidence, note });
    // e checks in before its work is done, and not after.
    expect((await checkIn('e', 30, 5)).status).toBe(201);
    for (const done of [e1, e2, ad])
      expect((await t.editor.patch(`/api/backlog-items/${done.id}`, { status: 'done' }, done.version)).status).toBe(
        200,
      );
    await checkIn('a', 70, 8, 'Annual plans landed');
    await checkIn('b', 20, 6);
    await checkIn('c', 65, 3, 'Hiring freeze');
  });
  afterAll(() => t.stop());

  it('puts everything on one page: at risk first, statuses, confidence, effort vs weight, no work, output without outcome, check-ins due', async () => {
    const res = await t.viewer.get('/api/dashboard');
    expect(res.status).toBe(200);
    const d = DashboardSchema.parse(res.body);
    expect(d.cycle?.id).toBe(cycle.id);
    expect(Date.parse(d.asOf)).toBeGreaterThan(Date.now() - 60_000);
    expect(d.summary).toEqual({
      objectives: 2,
      keyResults: 5,
      onTrack: 1,
      atRisk: 1,
      offTrack: 2,
      noCheckIn: 1,
      checkInsDue: 1,
    });

    expect(d.keyResults.map((k) => k.title)).toEqual(['b', 'e', 'c', 'd', 'a']);
    const byTitle = Object.fromEntries(d.keyResults.map((k) => [k.title, k]));
    expect(byTitle.b).toMatchObject({
      status: 'off-track',
      atRisk: true,
      atRiskReasons: ['behind-pace'],
      confidence: 6,
    });
    expect(byTitle.c).toMatchObject({
      status: 'at-risk',
      atRisk: true,
      atRiskReasons: ['low-confidence'],
      progress: 0.65,
    });
    expect(byTitle.d).toMatchObject({ status: 'no-check-in', atRisk: true, checkInDue: true, confidence: null });
    expect(byTitle.a).toMatchObject({ status: 'on-track', atRisk: false, checkInDue: false });
    expect(byTitle.a!.expectedProgress).toBeGreaterThan(0.66);
    expect(byTitle.a!.expectedProgress).toBeLessThan(0.68);

    // Worst objective first; O2 = worst of its KRs, confidence worst 3, mean (6 + 3 + 5) ÷ 3; its latest note.
    expect(d.objectives.map((x) => x.title)).toEqual(['Support', 'Revenue']);
    const [support, revenue] = d.objectives;
    expect(support).toMatchObject({ status: 'off-track', worstConfidence: 3, grade: null, teamId: team.id });
    expect(support!.meanConfidence).toBeCloseTo(14 / 3);
    expect(support!.progress).toBeCloseTo((0.2 + 0.65 + 0 + 0.3) / 4);
    expect(support!.latestNote).toMatchObject({ text: 'Hiring freeze', keyResultId: kr.c!.id });
    expect(support!.keyResultIds).toEqual([kr.b!.id, kr.e!.id, kr.c!.id, kr.d!.id]);
    expect(revenue).toMatchObject({ status: 'on-track', progress: 0.7, worstConfidence: 8 });

    // Open effort: i1 5 (a), i2 3 (c), i3 2 (no KR); e3 has no estimate.
    expect(d.headline).toMatchObject({ openEffort: 10, misalignedEffort: 2, openItemsWithoutEffort: 1 });
    expect(d.headline?.misalignedEffortShare).toBeCloseTo(0.2);
    const shares = Object.fromEntries(d.effortShares.map((s) => [s.title, s]));
    expect(shares.Revenue).toMatchObject({ effort: 5, effortShare: 0.5 });
    expect(shares.Revenue!.weightShare).toBeCloseTo(2 / 3);
    expect(shares.Support).toMatchObject({ effort: 3, effortShare: 0.3 });

    expect(d.noWork.map((f) => f.title).sort()).toEqual(['b', 'd']);
    expect(d.outputWithoutOutcome).toEqual([
      expect.objectContaining({
        keyResultId: kr.e!.id,
        linkedItems: 3,
        doneItems: 2,
        progressThen: 0.3,
        progressNow: 0.3,
      }),
    ]);
    expect(d.checkInsDue).toEqual([expect.objectContaining({ keyResultId: kr.d!.id, lastCheckInAt: null })]);
    expect(Date.parse(d.checkInsDue[0]!.dueSince)).toBeLessThan(Date.now());

    // Small multiples: the check-ins, the target and the pace line's ends.
    const trendA = d.trends.find((x) => x.keyResultId === kr.a!.id);
    expect(trendA?.points.map((p) => [p.value, p.confidence, p.note])).toEqual([[70, 8, 'Annual plans landed']]);
    expect(trendA?.expectedLine).toEqual({
      from: { at: `${cycle.startsOn}T00:00:00.000Z`, value: 0 },
      to: { at: `${day(30)}T00:00:00.000Z`, value: 100 },
    });
    expect(d.trends.find((x) => x.keyResultId === kr.d!.id)?.points).toEqual([]);
  });

  it('shows the headline as recorded at each check-in and once a day, not recomputed', async () => {
    const history = (await t.viewer.get('/api/dashboard')).body.headlineHistory;
    // 4 check-ins + 1 daily row (the first dashboard view today); viewing again adds nothing.
    expect(history.map((h: any) => h.reason)).toEqual(['check-in', 'check-in', 'check-in', 'check-in', 'daily']);
    // At e's check-in, e1, e2 and ad (1 point each) were still open: 2 of 13 points had no KR. Later, 2 of 10.
    expect(history[0].misalignedEffortShare).toBeCloseTo(2 / 13);
    expect(history[0].openEffort).toBe(13);
    expect(history[4].misalignedEffortShare).toBeCloseTo(0.2);
    expect((await t.viewer.get('/api/dashboard')).body.headlineHistory).toHaveLength(5);

    // Another check-in adds a row straight away.
    await t.editor.post(`/api/key-results/${kr.b!.id}/check-ins`, { value: 25, confidence: 6 });
    const after = (await t.viewer.get('/api/dashboard')).body.headlineHistory;
    expect(after).toHaveLength(6);
    expect(after[5].reason).toBe('check-in');

    // The team's own history: only its backlog (i2, 3 points, aligned).
    const teamHistory = (await t.viewer.get(`/api/dashboard?teamId=${team.id}`)).body.headlineHistory;
    expect(teamHistory).toHaveLength(6);
    expect(teamHistory.every((h: any) => h.openEffort === 3 && h.misalignedEffortShare === 0)).toBe(true);
  });

  it('narrows to one team, answers for a named cycle, and refuses unknown ids and anonymous callers', async () => {
    const teamView = DashboardSchema.parse((await t.viewer.get(`/api/dashboard?teamId=${team.id}`)).body);
    expect(teamView.teamId).toBe(team.id);
    expect(teamView.objectives.map((x) => x.title)).toEqual(['Support']);
    expect(teamView.keyResults.map((k) => k.title).sort()).toEqual(['b', 'c', 'd', 'e']);
    expect(teamView.headline).toMatchObject({ openEffort: 3, misalignedEffort: 0 });

    expect((await t.viewer.get(`/api/dashboard?cycleId=${cycle.id}`)).body.cycle.id).toBe(cycle.id);
    expect((await t.viewer.get(`/api/dashboard?cycleId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await t.viewer.get(`/api/dashboard?teamId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await t.viewer.get('/api/dashboard?teamId=nope')).status).toBe(400);
    expect((await t.anonymous.get('/api/dashboard')).status).toBe(401);
  });

  it('shows grades once graded, rolled up by weight', async () => {
    const a = (await t.viewer.get(`/api/key-results/${kr.a!.id}`)).body;
    expect(
      (await t.editor.put(`/api/key-results/${a.id}/grade`, { grade: 0.8 }, { 'if-match': `"${a.version}"` })).status,
    ).toBe(200);
    const d = (await t.viewer.get('/api/dashboard')).body;
    expect(d.keyResults.find((k: any) => k.id === a.id)).toMatchObject({ grade: 0.8, gradeBand: 'green' });
    expect(d.objectives.find((x: any) => x.title === 'Revenue')).toMatchObject({ grade: 0.8, gradeBand: 'green' });
    expect(d.objectives.find((x: any) => x.title === 'Support').grade).toBeNull();
  });
});
