/**
 * Calibrated confidence over HTTP: switching the scoring setting on makes a
 * scored item's value read its confidence shrunk toward its team's settled
 * hit rate, and the breakdown says both numbers and why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

const DAY = 86_400_000;
const at = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString();
const day = (offset: number) => at(offset).slice(0, 10);

describeEachDatabase('calibrated confidence', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('enabling it changes a scored item’s confidence and breakdown; turning it off restores them', async () => {
    const team = await buildTeam(t.admin, { name: 'Calibrated team' });
    const cycle = await buildCycle(t.editor, { name: 'Cal-Q', startsOn: day(-70), endsOn: day(20) });
    const objective = await buildObjective(t.editor, { cycleId: cycle.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: objective.id, startValue: 10, targetValue: 110 });
    // One settled hit for the team: flat until the item shipped 40 days ago, then a step up.
    for (const [value, offset] of [
      [10, -60],
      [10, -47],
      [40, -33],
      [42, -19],
    ] as const) {
      const res = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value, confidence: 7, at: at(offset) });
      expect(res.status).toBe(201);
    }
    const shipped = await buildBacklogItem(t.editor, {
      title: 'Shipped and moved',
      status: 'done',
      doneAt: at(-40),
      teamId: team.id,
      effort: 5,
      impact: 2,
      confidence: 0.5,
    });
    await t.editor.put(`/api/backlog-items/${shipped.id}/links/${kr.id}`, { strength: 3 });
    const open = await buildBacklogItem(t.editor, {
      title: 'Next bet',
      status: 'ready',
      teamId: team.id,
      reach: 100,
      impact: 1,
      confidence: 0.5,
      effort: 2,
    });
    const records = await t.viewer.get(`/api/outcomes?teamId=${team.id}`);
    expect(records.body.trackRecords).toContainEqual({ teamId: team.id, hits: 1, judged: 1 });

    const before = (await t.viewer.get(`/api/backlog-items/${open.id}`)).body;
    expect(before.intrinsic).toBe(25); // 100 × 1 × 0.5 ÷ 2
    expect(before.breakdown).toMatchObject({ statedConfidence: null, calibratedConfidence: null });

    const current = (await t.viewer.get('/api/settings/scoring')).body;
    expect(current.settings.calibration).toEqual({ enabled: false, priorStrength: 10 });
    const on = { ...current.settings, calibration: { enabled: true, priorStrength: 1 } };
    const saved = await t.admin.put('/api/settings/scoring', on, { 'if-match': `"${current.version}"` });
    expect(saved.status).toBe(200);

    // (1 × 0.5 + 1 hit) ÷ (1 + 1 judged) = 0.75, so 100 × 1 × 0.75 ÷ 2.
    const after = (await t.viewer.get(`/api/backlog-items/${open.id}`)).body;
    expect(after.breakdown.statedConfidence).toBe(0.5);
    expect(after.breakdown.calibratedConfidence).toBeCloseTo(0.75, 12);
    expect(after.breakdown.calibrationReason).toContain('1 of 1 shipped item');
    expect(after.breakdown.intrinsic.inputs.confidence).toBeCloseTo(0.75, 12);
    expect(after.intrinsic).toBeCloseTo(37.5, 10);
    expect(after.confidence).toBe(0.5); // the stored estimate is untouched

    // A second settled item for the team that moved nothing: the records become 1 of 2, and
    // the scores follow within a read or two (checked after reads, without making them wait).
    const idle = await buildBacklogItem(t.editor, {
      title: 'Shipped, nothing moved',
      status: 'done',
      doneAt: at(-40),
      teamId: team.id,
    });
    const flatKr = await buildKeyResult(t.editor, { objectiveId: objective.id, startValue: 10, targetValue: 110 });
    for (const offset of [-60, -33, -19])
      await t.editor.post(`/api/key-results/${flatKr.id}/check-ins`, { value: 10, confidence: 7, at: at(offset) });
    await t.editor.put(`/api/backlog-items/${idle.id}/links/${flatKr.id}`, { strength: 2 });
    let followed: { breakdown: { calibratedConfidence: number } } | undefined;
    for (let tries = 0; tries < 50; tries++) {
      followed = (await t.viewer.get(`/api/backlog-items/${open.id}`)).body;
      if (Math.abs((followed?.breakdown.calibratedConfidence ?? 0) - 0.5) < 1e-9) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // (1 × 0.5 + 1) ÷ (1 + 2) = 0.5
    expect(followed?.breakdown.calibratedConfidence).toBeCloseTo(0.5, 12);

    const off = { ...on, calibration: { enabled: false, priorStrength: 1 } };
    const latest = (await t.viewer.get('/api/settings/scoring')).body;
    expect((await t.admin.put('/api/settings/scoring', off, { 'if-match': `"${latest.version}"` })).status).toBe(200);
    const restored = (await t.viewer.get(`/api/backlog-items/${open.id}`)).body;
    expect(restored.intrinsic).toBe(25);
    expect(restored.breakdown.calibratedConfidence).toBeNull();
  });
});
