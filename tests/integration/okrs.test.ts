import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { captureState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('cycles, objectives and key results', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  // Sorted: rows created within one millisecond have no defined order between them.
  const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
  const sorted = (...values: string[]) => values.sort();

  it('creates, lists newest first, reads, edits and deletes a cycle', async () => {
    const older = await buildCycle(t.editor, { startsOn: '2025-01-01', endsOn: '2025-03-31' });
    const created = await t.editor.post('/api/cycles', {
      name: '2031-Q1',
      startsOn: '2031-01-01',
      endsOn: '2031-03-31',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '2031-Q1', status: 'planning', version: 1 });
    const order = (await t.viewer.get('/api/cycles')).body.map((c: any) => c.id);
    expect(order.indexOf(created.body.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(created.body.id)).toBeLessThan(order.indexOf(older.id));
    expect((await t.viewer.get(`/api/cycles/${created.body.id}`)).body).toEqual(created.body);
    const edited = await t.editor.patch(`/api/cycles/${created.body.id}`, { endsOn: '2031-03-30' }, 1);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ endsOn: '2031-03-30', version: 2 });
    const backwards = await t.editor.patch(`/api/cycles/${created.body.id}`, { endsOn: '2030-12-31' }, 2);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues[0].path).toEqual(['endsOn']);
    expect((await t.editor.delete(`/api/cycles/${created.body.id}`, 2)).status).toBe(204);
    expect((await t.viewer.get(`/api/cycles/${created.body.id}`)).status).toBe(404);
  });

  it('moves a cycle forward only, and allows at most one active cycle (409 ACTIVE_CYCLE_EXISTS)', async () => {
    const a = await buildCycle(t.editor);
    const b = await buildCycle(t.editor);
    const activeA = await t.editor.patch(`/api/cycles/${a.id}`, { status: 'active' }, a.version);
    expect(activeA.status).toBe(200);
    expect(activeA.body.status).toBe('active');

    const before = await captureState(t.admin);
    const secondActive = await t.editor.patch(`/api/cycles/${b.id}`, { status: 'active' }, b.version);
    expect(secondActive.status).toBe(409);
    expect(secondActive.body.error.code).toBe('ACTIVE_CYCLE_EXISTS');
    const createdActive = await t.editor.post('/api/cycles', {
      name: 'Also active',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
      status: 'active',
    });
    expect(createdActive.status).toBe(409);
    expect(createdActive.body.error.code).toBe('ACTIVE_CYCLE_EXISTS');
    const back = await t.editor.patch(`/api/cycles/${a.id}`, { status: 'planning' }, activeA.body.version);
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('CONFLICT');
    expect(await captureState(t.admin)).toEqual(before);

    const closedA = await t.editor.patch(`/api/cycles/${a.id}`, { status: 'closed' }, activeA.body.version);
    expect(closedA.body.status).toBe('closed');
    const reopen = await t.editor.patch(`/api/cycles/${a.id}`, { status: 'active' }, closedA.body.version);
    expect(reopen.status).toBe(409);
    const rename = await t.editor.patch(`/api/cycles/${a.id}`, { name: 'Renamed' }, closedA.body.version);
    expect(rename.status).toBe(409);
    // With A closed, B may become the active cycle.
    const activeB = await t.editor.patch(`/api/cycles/${b.id}`, { status: 'active' }, b.version);
    expect(activeB.status).toBe(200);
    expect(
      (await t.viewer.get('/api/cycles')).body.filter((c: any) => c.status === 'active').map((c: any) => c.id),
    ).toEqual([b.id]);
    await t.editor.patch(`/api/cycles/${b.id}`, { status: 'closed' }, activeB.body.version);
  });

  it('keeps a cycle that has objectives (409 IN_USE)', async () => {
    const o = await buildObjective(t.editor);
    const cycle = (await t.viewer.get(`/api/cycles/${o.cycleId}`)).body;
    const res = await t.editor.delete(`/api/cycles/${cycle.id}`, cycle.version);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IN_USE');
  });

  it('deletes a cycle, a team and an owner whose objectives were all deleted: deleted objectives are not "in use"', async () => {
    const team = await buildTeam(t.admin);
    const owner = (
      await t.admin.post('/api/users', {
        email: `owner-${Date.now()}@example.test`,
        name: 'Only deleted work',
        role: 'editor',
        password: 'a long enough password 2026',
      })
    ).body;
    const parent = await buildObjective(t.editor, { teamId: team.id, ownerId: owner.id });
    const child = await buildObjective(t.editor, { cycleId: parent.cycleId, parentId: parent.id, teamId: team.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: child.id, ownerId: owner.id });
    expect((await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 10, confidence: 7 })).status).toBe(201);
    const item = await buildBacklogItem(t.editor);
    expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 })).status).toBe(200);
    expect((await t.editor.delete(`/api/objectives/${child.id}`, child.version)).status).toBe(204);
    expect((await t.editor.delete(`/api/objectives/${parent.id}`, parent.version)).status).toBe(204);

    const liveTeam = (await t.viewer.get(`/api/teams/${team.id}`)).body;
    expect((await t.admin.delete(`/api/teams/${team.id}`, liveTeam.version)).status).toBe(204);
    const cycle = (await t.viewer.get(`/api/cycles/${parent.cycleId}`)).body;
    expect((await t.editor.delete(`/api/cycles/${cycle.id}`, cycle.version)).status).toBe(204);
    expect((await t.viewer.get(`/api/cycles/${cycle.id}`)).status).toBe(404);
    // The item stays; the link to the deleted cycle's key result went with it.
    expect((await t.viewer.get(`/api/backlog-items/${item.id}`)).body.links).toEqual([]);
    // Owning only deleted objectives and key results does not keep a user either.
    const liveOwner = (await t.admin.get('/api/users')).body.find((u: any) => u.id === owner.id);
    expect((await t.admin.delete(`/api/users/${owner.id}`, liveOwner.version)).status).toBe(204);
  });

  it('creates team objectives that ladder up, filters by cycle and team, edits and deletes them', async () => {
    const cycle = await buildCycle(t.editor);
    const team = await buildTeam(t.admin);
    const company = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Grow revenue', weight: 2 });
    expect(company).toMatchObject({
      title: 'Grow revenue',
      teamId: null,
      parentId: null,
      weight: 2,
      progress: null,
      version: 1,
    });
    const teamObjective = await t.editor.post('/api/objectives', {
      cycleId: cycle.id,
      title: 'Faster checkout',
      teamId: team.id,
      parentId: company.id,
      ownerId: t.users.editor,
    });
    expect(teamObjective.status).toBe(201);
    expect(teamObjective.body).toMatchObject({
      teamId: team.id,
      parentId: company.id,
      ownerId: t.users.editor,
      weight: 1,
    });
    const elsewhere = await buildObjective(t.editor);

    expect(ids((await t.viewer.get(`/api/objectives?cycleId=${cycle.id}`)).body)).toEqual(
      sorted(company.id, teamObjective.body.id),
    );
    expect(ids((await t.viewer.get(`/api/objectives?teamId=${team.id}`)).body)).toEqual(sorted(teamObjective.body.id));
    expect(ids((await t.viewer.get(`/api/objectives?cycleId=${elsewhere.cycleId}&teamId=${team.id}`)).body)).toEqual(
      [],
    );
    expect(ids((await t.viewer.get('/api/objectives')).body)).toEqual(
      expect.arrayContaining([company.id, teamObjective.body.id, elsewhere.id]),
    );

    const edited = await t.editor.patch(
      `/api/objectives/${teamObjective.body.id}`,
      { title: 'Fastest checkout', teamId: null },
      1,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Fastest checkout', teamId: null, version: 2 });

    // A parent with team objectives under it stays until they move.
    const parentDelete = await t.editor.delete(`/api/objectives/${company.id}`, 1);
    expect(parentDelete.status).toBe(409);
    expect(parentDelete.body.error.code).toBe('IN_USE');
    expect((await t.editor.delete(`/api/objectives/${teamObjective.body.id}`, 2)).status).toBe(204);
    expect((await t.viewer.get(`/api/objectives/${teamObjective.body.id}`)).status).toBe(404);
    expect(ids((await t.viewer.get(`/api/objectives?cycleId=${cycle.id}`)).body)).toEqual(sorted(company.id));
  });

  it('refuses a parent from another cycle, an objective under itself, and unknown teams (400), changing nothing', async () => {
    const cycle = await buildCycle(t.editor);
    const parent = await buildObjective(t.editor, { cycleId: cycle.id });
    const child = await buildObjective(t.editor, { cycleId: cycle.id, parentId: parent.id });
    const foreign = await buildObjective(t.editor);
    const before = await captureState(t.admin);
    const cases = [
      await t.editor.post('/api/objectives', { cycleId: cycle.id, title: 'X', parentId: foreign.id }),
      await t.editor.patch(`/api/objectives/${child.id}`, { parentId: foreign.id }, child.version),
      await t.editor.patch(`/api/objectives/${parent.id}`, { parentId: child.id }, parent.version),
      await t.editor.patch(`/api/objectives/${parent.id}`, { parentId: parent.id }, parent.version),
      await t.editor.post('/api/objectives', { cycleId: cycle.id, title: 'X', teamId: crypto.randomUUID() }),
    ];
    const fields = [['parentId'], ['parentId'], ['parentId'], ['parentId'], ['teamId']];
    cases.forEach((res, i) => {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.issues[0].path).toEqual(fields[i]);
    });
    expect(cases[0]?.body.error.message).toMatch(/another cycle/);
    const unknownCycle = await t.editor.post('/api/objectives', { cycleId: crypto.randomUUID(), title: 'X' });
    expect(unknownCycle.status).toBe(404);
    expect(await captureState(t.admin)).toEqual(before);
  });

  it('rolls objective progress up from its key results by weight', async () => {
    const o = await buildObjective(t.editor);
    const half = await buildKeyResult(t.editor, {
      objectiveId: o.id,
      startValue: 0,
      targetValue: 100,
      currentValue: 50,
      weight: 1,
    });
    expect(half.progress).toBe(0.5);
    const done = await buildKeyResult(t.editor, {
      objectiveId: o.id,
      startValue: 0,
      targetValue: 10,
      currentValue: 10,
      weight: 3,
    });
    expect(done.progress).toBe(1);
    // (0.5 × 1 + 1 × 3) ÷ 4
    expect((await t.viewer.get(`/api/objectives/${o.id}`)).body.progress).toBeCloseTo(0.875, 10);
    // A deleted key result no longer counts.
    expect((await t.editor.delete(`/api/key-results/${done.id}`, done.version)).status).toBe(204);
    expect((await t.viewer.get(`/api/objectives/${o.id}`)).body.progress).toBeCloseTo(0.5, 10);
  });

  it('creates, filters, reads, edits and deletes key results', async () => {
    const o = await buildObjective(t.editor);
    const other = await buildObjective(t.editor);
    const created = await t.editor.post('/api/key-results', {
      objectiveId: o.id,
      title: 'NPS to 50',
      startValue: 20,
      targetValue: 50,
      unit: 'pts',
      ownerId: t.users.editor,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      objectiveId: o.id,
      cycleId: o.cycleId,
      metricType: 'number',
      currentValue: 20,
      progress: 0,
      weight: 1,
      latestConfidence: null,
      lastCheckInAt: null,
      openItemCount: 0,
      version: 1,
    });
    const second = await buildKeyResult(t.editor, { objectiveId: o.id });
    const elsewhere = await buildKeyResult(t.editor, { objectiveId: other.id });
    expect(ids((await t.viewer.get(`/api/key-results?objectiveId=${o.id}`)).body)).toEqual(
      sorted(created.body.id, second.id),
    );
    expect(ids((await t.viewer.get(`/api/key-results?cycleId=${other.cycleId}`)).body)).toEqual(sorted(elsewhere.id));
    expect((await t.viewer.get(`/api/key-results/${created.body.id}`)).body).toEqual(created.body);

    const edited = await t.editor.patch(`/api/key-results/${created.body.id}`, { currentValue: 35, weight: 2 }, 1);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ currentValue: 35, weight: 2, progress: 0.5, version: 2 });
    const flat = await t.editor.patch(`/api/key-results/${created.body.id}`, { targetValue: 20 }, 2);
    expect(flat.status).toBe(400);
    expect(flat.body.error.issues[0].path).toEqual(['targetValue']);

    expect((await t.editor.delete(`/api/key-results/${created.body.id}`, 2)).status).toBe(204);
    expect((await t.viewer.get(`/api/key-results/${created.body.id}`)).status).toBe(404);
    expect(ids((await t.viewer.get(`/api/key-results?objectiveId=${o.id}`)).body)).toEqual(sorted(second.id));
  });

  it('measures progress towards a decreasing target', async () => {
    const kr = await buildKeyResult(t.editor, {
      title: 'Churn from 40% to 10%',
      startValue: 40,
      targetValue: 10,
      unit: '%',
    });
    expect(kr.progress).toBe(0);
    const halfway = await t.editor.patch(`/api/key-results/${kr.id}`, { currentValue: 25 }, kr.version);
    expect(halfway.body.progress).toBeCloseTo(0.5, 10);
    const worse = await t.editor.patch(`/api/key-results/${kr.id}`, { currentValue: 46 }, halfway.body.version);
    expect(worse.body.progress).toBeCloseTo(-0.2, 10);
    const beyond = await t.editor.patch(`/api/key-results/${kr.id}`, { currentValue: 4 }, worse.body.version);
    expect(beyond.body.progress).toBeCloseTo(1.2, 10);
  });

  it('records check-ins that move the current value and the latest confidence, newest first', async () => {
    const kr = await buildKeyResult(t.editor, { startValue: 0, targetValue: 200 });
    const first = await t.editor.post(`/api/key-results/${kr.id}/check-ins`, {
      value: 50,
      confidence: 7,
      note: 'On track',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      keyResultId: kr.id,
      value: 50,
      confidence: 7,
      note: 'On track',
      authorId: t.users.editor,
      authorName: 'Test editor',
    });
    const second = await t.admin.post(`/api/key-results/${kr.id}/check-ins`, { value: 80, confidence: 4 });
    expect(second.status).toBe(201);
    expect(second.body.note).toBe('');

    const now = (await t.viewer.get(`/api/key-results/${kr.id}`)).body;
    expect(now).toMatchObject({ currentValue: 80, latestConfidence: 4, progress: 0.4, version: kr.version + 2 });
    expect(now.lastCheckInAt).toBe(second.body.createdAt);
    const history = (await t.viewer.get(`/api/key-results/${kr.id}/check-ins`)).body;
    expect(history.map((c: any) => c.value)).toEqual([80, 50]);
    expect((await t.viewer.get(`/api/key-results/${crypto.randomUUID()}/check-ins`)).status).toBe(404);
  });

  it('counts the open backlog items linked to a key result', async () => {
    const kr = await buildKeyResult(t.editor);
    const items = [
      await buildBacklogItem(t.editor, { status: 'idea' }),
      await buildBacklogItem(t.editor, { status: 'in-progress' }),
      await buildBacklogItem(t.editor, { status: 'done' }),
      await buildBacklogItem(t.editor, { status: 'ready' }),
    ];
    for (const item of items.slice(0, 3))
      expect((await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, {})).status).toBe(200);
    expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.openItemCount).toBe(2);
    const first = items[0]!;
    await t.editor.patch(`/api/backlog-items/${first.id}`, { status: 'dropped' }, first.version);
    expect((await t.viewer.get(`/api/key-results/${kr.id}`)).body.openItemCount).toBe(1);
    expect((await t.viewer.get(`/api/key-results?objectiveId=${kr.objectiveId}`)).body[0].openItemCount).toBe(1);
  });

  it('makes a closed cycle’s objectives, key results and check-ins read-only (409), changing nothing', async () => {
    const cycle = await buildCycle(t.editor);
    const o = await buildObjective(t.editor, { cycleId: cycle.id });
    const kr = await buildKeyResult(t.editor, { objectiveId: o.id });
    const item = await buildBacklogItem(t.editor);
    const closed = await t.editor.patch(`/api/cycles/${cycle.id}`, { status: 'closed' }, cycle.version);
    expect(closed.body.status).toBe('closed');

    const before = await captureState(t.admin);
    const attempts = {
      'create objective': await t.editor.post('/api/objectives', { cycleId: cycle.id, title: 'Late' }),
      'edit objective': await t.editor.patch(`/api/objectives/${o.id}`, { title: 'Late' }, o.version),
      'delete objective': await t.editor.delete(`/api/objectives/${o.id}`, o.version),
      'create key result': await t.editor.post('/api/key-results', {
        objectiveId: o.id,
        title: 'Late',
        targetValue: 5,
      }),
      'edit key result': await t.editor.patch(`/api/key-results/${kr.id}`, { currentValue: 99 }, kr.version),
      'delete key result': await t.editor.delete(`/api/key-results/${kr.id}`, kr.version),
      'check in': await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 1, confidence: 5 }),
      'link work': await t.editor.put(`/api/backlog-items/${item.id}/links/${kr.id}`, { strength: 2 }),
    };
    for (const [what, res] of Object.entries(attempts)) {
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
    }
    expect(await captureState(t.admin)).toEqual(before);
    expect((await t.viewer.get(`/api/key-results/${kr.id}/check-ins`)).body).toEqual([]);
    // Still readable.
    expect((await t.viewer.get(`/api/objectives/${o.id}`)).status).toBe(200);
    expect((await t.viewer.get(`/api/key-results?cycleId=${cycle.id}`)).body).toHaveLength(1);
  });
});
