import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyResultEntity } from '../../server/src/features/key-results/key-result.entity';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';
import { dayFromToday as day } from '../support/days';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** An active quarter that started 30 days ago (the previous test closed its own). */
function activeQuarter(api: ApiClient, name: string) {
  return buildCycle(api, { name, startsOn: day(-30), endsOn: day(60), status: 'active' });
}

async function auditOf(
  api: ApiClient,
  entity: string,
  entityId: string,
): Promise<{ action: string; before: any; after: any }[]> {
  const res = await api.get(`/api/audit-events?entity=${entity}&entityId=${encodeURIComponent(entityId)}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describeEachDatabase('quarter lifecycle', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  describe('grading', () => {
    it('grades KRs 0.0–1.0 with a band and a retro note, rolls them up by KR weight, and keeps grading open after close', async () => {
      const planning = await buildCycle(t.editor, { name: 'G-plan', startsOn: day(100), endsOn: day(190) });
      const early = await buildKeyResult(t.editor, {
        objectiveId: (await buildObjective(t.editor, { cycleId: planning.id })).id,
      });
      const refused = await t.editor.put(`/api/key-results/${early.id}/grade`, { grade: 0.5 }, ifMatch(early.version));
      expect(refused.status).toBe(409);

      const cycle = await activeQuarter(t.editor, 'G-active');
      const objective = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Grow revenue' });
      const heavy = await buildKeyResult(t.editor, {
        objectiveId: objective.id,
        weight: 3,
        startValue: 0,
        targetValue: 100,
        currentValue: 66,
      });
      const light = await buildKeyResult(t.editor, {
        objectiveId: objective.id,
        weight: 1,
        startValue: 50,
        targetValue: 10,
        currentValue: 62,
      });
      // Suggested = clamp(progress) to one decimal: 0.66 → 0.7; a KR that went backwards → 0.
      expect(heavy).toMatchObject({ suggestedGrade: 0.7, grade: null, gradeBand: null, gradeNote: '', gradedAt: null });
      expect(light.suggestedGrade).toBe(0);

      // Bad input: not a step of 0.1, out of range, no If-Match, stale version, a viewer.
      const before = await captureState(t.admin);
      expect(
        (await t.editor.put(`/api/key-results/${heavy.id}/grade`, { grade: 0.75 }, ifMatch(heavy.version))).status,
      ).toBe(400);
      expect(
        (await t.editor.put(`/api/key-results/${heavy.id}/grade`, { grade: 1.1 }, ifMatch(heavy.version))).status,
      ).toBe(400);
      expect((await t.editor.put(`/api/key-results/${heavy.id}/grade`, { grade: 0.7 })).status).toBe(428);
      expect(
        (await t.editor.put(`/api/key-results/${heavy.id}/grade`, { grade: 0.7 }, ifMatch(heavy.version + 5))).status,
      ).toBe(412);
      expect(
        (await t.viewer.put(`/api/key-results/${heavy.id}/grade`, { grade: 0.7 }, ifMatch(heavy.version))).status,
      ).toBe(403);
      expect(await captureState(t.admin)).toEqual(before);

      const graded = await t.editor.put(
        `/api/key-results/${heavy.id}/grade`,
        { grade: 0.7, note: 'Pricing test landed late' },
        ifMatch(heavy.version),
      );
      expect(graded.status).toBe(200);
      expect(graded.body).toMatchObject({
        grade: 0.7,
        gradeBand: 'green',
        gradeNote: 'Pricing test landed late',
        version: heavy.version + 1,
      });
      expect(graded.body.gradedAt).not.toBeNull();
      expect(graded.headers.get('etag')).toBe(`"${heavy.version + 1}"`);
      // The same version again loses: the grade write is optimistic like any edit.
      const stale = await t.admin.put(`/api/key-results/${heavy.id}/grade`, { grade: 0.2 }, ifMatch(heavy.version));
      expect(stale.status).toBe(412);
      expect(stale.body.error.current.grade).toBe(0.7);

      // Half-graded objective: no grade yet.
      expect((await t.viewer.get(`/api/objectives/${objective.id}`)).body.grade).toBeNull();

      // Close the quarter (nothing carried), then grade the last KR: closed cycles accept grades, nothing else.
      const current = (await t.viewer.get(`/api/cycles/${cycle.id}`)).body;
      const closed = await t.editor.post(`/api/cycles/${cycle.id}/close`, {}, ifMatch(current.version));
      expect(closed.status).toBe(200);
      expect(closed.body.closedCycle.status).toBe('closed');
      // No active cycle now: the dashboard says so rather than failing.
      expect((await t.viewer.get('/api/dashboard')).body).toMatchObject({
        cycle: null,
        keyResults: [],
        checkInCadenceDays: 7,
      });
      expect((await t.editor.patch(`/api/key-results/${light.id}`, { title: 'Renamed' }, light.version)).status).toBe(
        409,
      );
      expect((await t.editor.post(`/api/key-results/${light.id}/check-ins`, { value: 40, confidence: 5 })).status).toBe(
        409,
      );
      const late = await t.editor.put(
        `/api/key-results/${light.id}/grade`,
        { grade: 0.3, note: 'Wrong bet' },
        ifMatch(light.version),
      );
      expect(late.status).toBe(200);
      expect(late.body.gradeBand).toBe('red');

      // (0.7 × 3 + 0.3 × 1) ÷ 4 = 0.6
      const rolled = (await t.viewer.get(`/api/objectives/${objective.id}`)).body;
      expect(rolled.grade).toBeCloseTo(0.6);
      const audit = await auditOf(t.viewer, 'keyResult', light.id);
      expect(audit[0]).toMatchObject({
        action: 'update',
        before: { grade: null },
        after: { grade: 0.3, gradeNote: 'Wrong bet' },
      });

      // Clearing a grade takes the objective's grade away again.
      const cleared = await t.editor.put(
        `/api/key-results/${light.id}/grade`,
        { grade: null },
        ifMatch(late.body.version),
      );
      expect(cleared.body).toMatchObject({ grade: null, gradeBand: null, gradedAt: null });
      expect((await t.viewer.get(`/api/objectives/${objective.id}`)).body.grade).toBeNull();
    });
  });

  describe('check-in cadence', () => {
    it('marks a KR of the active cycle "check-in due" after the cadence with no check-in, and an admin can change the cadence', async () => {
      const cycle = await activeQuarter(t.editor, 'C-active');
      const objective = await buildObjective(t.editor, { cycleId: cycle.id });
      const kr = await buildKeyResult(t.editor, { objectiveId: objective.id });
      expect(kr.checkInDue).toBe(false);
      // Arrange: the KR has existed for 10 days (the API has no way to backdate, on purpose).
      await t.db.write((m) =>
        m.update(KeyResultEntity, { id: kr.id }, { createdAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }),
      );
      expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.checkInDue).toBe(true);

      const settings = await t.viewer.get('/api/settings/lifecycle');
      expect(settings.body.settings).toEqual({ checkInCadenceDays: 7 });
      expect(
        (await t.editor.put('/api/settings/lifecycle', { checkInCadenceDays: 14 }, ifMatch(settings.body.version)))
          .status,
      ).toBe(403);
      expect(
        (await t.admin.put('/api/settings/lifecycle', { checkInCadenceDays: 0 }, ifMatch(settings.body.version)))
          .status,
      ).toBe(400);
      const changed = await t.admin.put(
        '/api/settings/lifecycle',
        { checkInCadenceDays: 14 },
        ifMatch(settings.body.version),
      );
      expect(changed.status).toBe(200);
      expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.checkInDue).toBe(false);
      await t.admin.put('/api/settings/lifecycle', { checkInCadenceDays: 7 }, ifMatch(changed.body.version));

      // A check-in resets the clock.
      expect((await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 10, confidence: 7 })).status).toBe(
        201,
      );
      expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.checkInDue).toBe(false);

      const closing = (await t.viewer.get(`/api/cycles/${cycle.id}`)).body;
      expect((await t.editor.post(`/api/cycles/${cycle.id}/close`, {}, ifMatch(closing.version))).status).toBe(200);
    });
  });

  describe('closing a cycle', () => {
    it('carries chosen KRs, their objectives (with the tree) and their open links into a new cycle, which becomes active, with an audit event per step', async () => {
      const team = await buildTeam(t.admin);
      const q1 = await activeQuarter(t.editor, 'Q-one');
      const company = await buildObjective(t.editor, { cycleId: q1.id, title: 'Grow self-serve', weight: 2 });
      const teamObjective = await buildObjective(t.editor, {
        cycleId: q1.id,
        title: 'Faster onboarding',
        teamId: team.id,
        parentId: company.id,
        weight: 3,
      });
      const other = await buildObjective(t.editor, { cycleId: q1.id, title: 'Cut support load' });
      const carried = await buildKeyResult(t.editor, {
        objectiveId: teamObjective.id,
        title: 'Activation',
        startValue: 20,
        targetValue: 60,
        currentValue: 35,
        unit: '%',
        weight: 2,
      });
      const stays = await buildKeyResult(t.editor, {
        objectiveId: other.id,
        title: 'Tickets',
        startValue: 100,
        targetValue: 60,
      });
      const openItem = await buildBacklogItem(t.editor, { title: 'Guided setup', status: 'in-progress' });
      const doneItem = await buildBacklogItem(t.editor, { title: 'Welcome email', status: 'done' });
      const otherItem = await buildBacklogItem(t.editor, { title: 'Help centre' });
      await t.editor.put(`/api/backlog-items/${openItem.id}/links/${carried.id}`, { strength: 3 });
      await t.editor.put(`/api/backlog-items/${doneItem.id}/links/${carried.id}`, { strength: 2 });
      await t.editor.put(`/api/backlog-items/${otherItem.id}/links/${stays.id}`, { strength: 2 });

      const current = (await t.viewer.get(`/api/cycles/${q1.id}`)).body;
      const body = {
        nextCycle: { name: 'Q-two', startsOn: day(61), endsOn: day(150) },
        carryOverKeyResultIds: [carried.id],
      };
      expect((await t.editor.post(`/api/cycles/${q1.id}/close`, body)).status).toBe(428);
      expect((await t.editor.post(`/api/cycles/${q1.id}/close`, body, ifMatch(current.version + 1))).status).toBe(412);
      expect((await t.viewer.post(`/api/cycles/${q1.id}/close`, body, ifMatch(current.version))).status).toBe(403);

      const res = await t.editor.post(`/api/cycles/${q1.id}/close`, body, ifMatch(current.version));
      expect(res.status).toBe(200);
      const { closedCycle, nextCycle, nextCycleActivated, carried: moves, copiedObjectives } = res.body;
      expect(closedCycle).toMatchObject({ id: q1.id, status: 'closed', version: current.version + 1 });
      expect(nextCycle).toMatchObject({ name: 'Q-two', status: 'active' });
      expect(nextCycleActivated).toBe(true);
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({
        fromKeyResultId: carried.id,
        fromObjectiveId: teamObjective.id,
        movedItemIds: [openItem.id],
      });
      expect(Object.keys(copiedObjectives).sort()).toEqual([company.id, teamObjective.id].sort());

      // The objectives came along once each, with the tree kept; the untouched one did not.
      const nextObjectives = (await t.viewer.get(`/api/objectives?cycleId=${nextCycle.id}`)).body;
      expect(nextObjectives).toHaveLength(2);
      const companyCopy = nextObjectives.find((o: any) => o.id === copiedObjectives[company.id]);
      const teamCopy = nextObjectives.find((o: any) => o.id === copiedObjectives[teamObjective.id]);
      expect(companyCopy).toMatchObject({ title: 'Grow self-serve', weight: 2, parentId: null, teamId: null });
      expect(teamCopy).toMatchObject({
        title: 'Faster onboarding',
        weight: 3,
        parentId: companyCopy.id,
        teamId: team.id,
      });

      // The copy starts where the original stood; the original is kept and marked.
      const copy = (await t.viewer.get(`/api/key-results/${moves[0].toKeyResultId}`)).body;
      expect(copy).toMatchObject({
        objectiveId: teamCopy.id,
        cycleId: nextCycle.id,
        title: 'Activation',
        startValue: 35,
        currentValue: 35,
        targetValue: 60,
        unit: '%',
        weight: 2,
        progress: 0,
        carriedFromId: carried.id,
        carriedToId: null,
        openItemCount: 1,
      });
      const original = (await t.viewer.get(`/api/key-results/${carried.id}`)).body;
      expect(original).toMatchObject({ cycleId: q1.id, currentValue: 35, carriedToId: copy.id, openItemCount: 0 });
      expect(original.version).toBe(carried.version + 1);

      // Open work follows the KR; done work keeps its history; the KR left behind keeps its links.
      expect((await t.viewer.get(`/api/backlog-items/${openItem.id}`)).body.links).toEqual([
        { keyResultId: copy.id, strength: 3 },
      ]);
      expect((await t.viewer.get(`/api/backlog-items/${doneItem.id}`)).body.links).toEqual([
        { keyResultId: carried.id, strength: 2 },
      ]);
      expect((await t.viewer.get(`/api/backlog-items/${otherItem.id}`)).body.links).toEqual([
        { keyResultId: stays.id, strength: 2 },
      ]);

      // An audit event for each step.
      expect((await auditOf(t.viewer, 'cycle', nextCycle.id)).map((e) => e.action).sort()).toEqual([
        'create',
        'update',
      ]);
      expect((await auditOf(t.viewer, 'cycle', q1.id)).find((e) => e.after?.status === 'closed')).toBeTruthy();
      expect((await auditOf(t.viewer, 'objective', teamCopy.id)).map((e) => e.action)).toEqual(['create']);
      expect((await auditOf(t.viewer, 'objective', companyCopy.id)).map((e) => e.action)).toEqual(['create']);
      expect((await auditOf(t.viewer, 'keyResult', copy.id))[0]).toMatchObject({
        action: 'create',
        after: { carriedFromId: carried.id },
      });
      expect((await auditOf(t.viewer, 'keyResult', carried.id))[0]).toMatchObject({
        action: 'update',
        after: { carriedToId: copy.id },
      });
      expect((await auditOf(t.viewer, 'link', `${openItem.id}:${carried.id}`))[0]?.action).toBe('delete');
      expect((await auditOf(t.viewer, 'link', `${openItem.id}:${copy.id}`))[0]?.action).toBe('create');

      // Closed means closed: a second close, or carrying the same KR again, is refused.
      expect((await t.editor.post(`/api/cycles/${q1.id}/close`, {}, ifMatch(closedCycle.version))).status).toBe(409);
    });

    it('changes nothing at all when a step fails half-way (a KR of another cycle, after the next cycle and a copy were made)', async () => {
      const active = (await t.viewer.get('/api/cycles')).body.find((c: any) => c.status === 'active');
      const objective = await buildObjective(t.editor, { cycleId: active.id, title: 'Retention' });
      const good = await buildKeyResult(t.editor, {
        objectiveId: objective.id,
        title: 'Churn',
        startValue: 5,
        targetValue: 2,
        currentValue: 4,
      });
      const item = await buildBacklogItem(t.editor, { title: 'Cancel survey' });
      await t.editor.put(`/api/backlog-items/${item.id}/links/${good.id}`, { strength: 2 });
      const elsewhere = await buildKeyResult(t.editor, {
        objectiveId: (
          await buildObjective(t.editor, { cycleId: (await buildCycle(t.editor, { name: 'Elsewhere' })).id })
        ).id,
      });
      const achieved = await buildKeyResult(t.editor, {
        objectiveId: objective.id,
        title: 'Done already',
        startValue: 0,
        targetValue: 10,
        currentValue: 10,
      });

      const before = await captureState(t.admin);
      const cycle = (await t.viewer.get(`/api/cycles/${active.id}`)).body;
      const res = await t.editor.post(
        `/api/cycles/${active.id}/close`,
        {
          nextCycle: { name: 'Never made', startsOn: day(151), endsOn: day(240) },
          carryOverKeyResultIds: [good.id, elsewhere.id],
        },
        ifMatch(cycle.version),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.issues).toEqual([
        { path: ['carryOverKeyResultIds', 1], message: expect.stringContaining('Not a key result of') },
      ]);

      // Not the new cycle, not the copies, not the moved link, not the close, not one audit event.
      expect(await captureState(t.admin)).toEqual(before);
      expect((await t.viewer.get('/api/cycles')).body.map((c: any) => c.name)).not.toContain('Never made');
      expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.links).toEqual([
        { keyResultId: good.id, strength: 2 },
      ]);
      expect((await t.viewer.get(`/api/cycles/${active.id}`)).body.status).toBe('active');

      // Other refusals, each leaving the same state: an achieved KR, carrying with no next cycle, a closed next cycle.
      const achievedRes = await t.editor.post(
        `/api/cycles/${active.id}/close`,
        { nextCycleId: (await buildCycle(t.editor, { name: 'Spare' })).id, carryOverKeyResultIds: [achieved.id] },
        ifMatch(cycle.version),
      );
      expect(achievedRes.status).toBe(400);
      expect(achievedRes.body.error.issues[0].path).toEqual(['carryOverKeyResultIds', 0]);
      expect(
        (
          await t.editor.post(
            `/api/cycles/${active.id}/close`,
            { carryOverKeyResultIds: [good.id] },
            ifMatch(cycle.version),
          )
        ).status,
      ).toBe(400);
      const closedBefore = (await t.viewer.get('/api/cycles')).body.find((c: any) => c.name === 'Q-one');
      expect(
        (
          await t.editor.post(
            `/api/cycles/${active.id}/close`,
            { nextCycleId: closedBefore.id, carryOverKeyResultIds: [good.id] },
            ifMatch(cycle.version),
          )
        ).status,
      ).toBe(400);
      expect((await t.viewer.get(`/api/cycles/${active.id}`)).body).toMatchObject({
        status: 'active',
        version: cycle.version,
      });
    });

    it('carries into an existing cycle and leaves it in planning when another cycle is still active', async () => {
      const active = (await t.viewer.get('/api/cycles')).body.find((c: any) => c.status === 'active');
      const planning = await buildCycle(t.editor, { name: 'Later', startsOn: day(300), endsOn: day(390) });
      // Close a planning cycle (abandon it) into "Later" while the active one keeps running.
      const abandoned = await buildCycle(t.editor, { name: 'Abandoned', startsOn: day(200), endsOn: day(290) });
      const kr = await buildKeyResult(t.editor, {
        objectiveId: (await buildObjective(t.editor, { cycleId: abandoned.id })).id,
        currentValue: 10,
      });
      const res = await t.editor.post(
        `/api/cycles/${abandoned.id}/close`,
        { nextCycleId: planning.id, carryOverKeyResultIds: [kr.id] },
        ifMatch(abandoned.version),
      );
      expect(res.status).toBe(200);
      expect(res.body.nextCycleActivated).toBe(false);
      expect(res.body.nextCycle).toMatchObject({ id: planning.id, status: 'planning', version: planning.version });
      expect((await t.viewer.get(`/api/cycles/${active.id}`)).body.status).toBe('active');
      expect(
        (await t.viewer.get(`/api/key-results?cycleId=${planning.id}`)).body.map((k: any) => k.carriedFromId),
      ).toEqual([kr.id]);
    });
  });
});
