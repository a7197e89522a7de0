import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildTeam } from '../support/factories';
import { isWrite, listRoutes, routeKey } from '../support/routes';
import { auditCount } from '../support/state';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/** Tags of the foundation's features: each of their write routes must appear in the walk below. */
const AUDITED_TAGS = ['users', 'teams', 'cycles', 'objectives', 'key-results', 'backlog', 'scoring'];

/** One successful write and the audit event it must leave. */
interface Step {
  route: string;
  entity: string;
  action: 'create' | 'update' | 'delete';
  run(): Promise<{ res: ApiResponse; entityId: string; actor: ApiClient }>;
  /** What the event's before/after must show beyond their presence. */
  check?(event: any): void;
}

describeEachDatabase('audit trail', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  const eventsOf = async (entity: string, entityId?: string): Promise<any[]> =>
    // An admin's session: entries about users, tokens and share links are theirs only (audit-privacy.test.ts).
    (
      await t.admin.get(
        `/api/audit-events?entity=${entity}&limit=500${entityId ? `&entityId=${encodeURIComponent(entityId)}` : ''}`,
      )
    ).body.items;

  it('records exactly one event, with before and after, for every successful write', async () => {
    const s: Record<string, any> = {};
    const actorIds = new Map<ApiClient, string>([
      [t.admin, t.users.admin],
      [t.editor, t.users.editor],
    ]);
    const ok = (res: ApiResponse, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res;
    };
    const steps: Step[] = [
      {
        route: 'POST /api/users',
        entity: 'user',
        action: 'create',
        run: async () => {
          const res = ok(
            await t.admin.post('/api/users', {
              email: `audit-${randomUUID().slice(0, 6)}@test.local`,
              name: 'Audited',
              role: 'viewer',
              password: PASSWORD,
            }),
            201,
          );
          s.user = res.body;
          return { res, entityId: res.body.id, actor: t.admin };
        },
        check: (e) => expect(e.after.email).toBe(s.user.email),
      },
      {
        route: 'PATCH /api/users/:id',
        entity: 'user',
        action: 'update',
        run: async () => {
          const res = ok(
            await t.admin.patch(
              `/api/users/${s.user.id}`,
              { role: 'editor', password: 'a new audited password' },
              s.user.version,
            ),
          );
          s.user = res.body;
          return { res, entityId: s.user.id, actor: t.admin };
        },
        check: (e) => expect([e.before.role, e.after.role]).toEqual(['viewer', 'editor']),
      },
      {
        route: 'POST /api/teams',
        entity: 'team',
        action: 'create',
        run: async () => {
          const res = ok(await t.admin.post('/api/teams', { name: `Audit team ${randomUUID().slice(0, 6)}` }), 201);
          s.team = res.body;
          return { res, entityId: res.body.id, actor: t.admin };
        },
      },
      {
        route: 'PATCH /api/teams/:id',
        entity: 'team',
        action: 'update',
        run: async () => {
          const res = ok(
            await t.admin.patch(`/api/teams/${s.team.id}`, { name: 'Audit team renamed' }, s.team.version),
          );
          return { res, entityId: s.team.id, actor: t.admin };
        },
        check: (e) => expect([e.before.name, e.after.name]).toEqual([s.team.name, 'Audit team renamed']),
      },
      {
        route: 'POST /api/cycles',
        entity: 'cycle',
        action: 'create',
        run: async () => {
          const res = ok(
            await t.editor.post('/api/cycles', { name: 'Audit Q', startsOn: '2032-01-01', endsOn: '2032-03-31' }),
            201,
          );
          s.cycle = res.body;
          return { res, entityId: res.body.id, actor: t.editor };
        },
      },
      {
        route: 'PATCH /api/cycles/:id',
        entity: 'cycle',
        action: 'update',
        run: async () => {
          const res = ok(await t.editor.patch(`/api/cycles/${s.cycle.id}`, { status: 'active' }, s.cycle.version));
          return { res, entityId: s.cycle.id, actor: t.editor };
        },
        check: (e) => expect([e.before.status, e.after.status]).toEqual(['planning', 'active']),
      },
      {
        route: 'POST /api/objectives',
        entity: 'objective',
        action: 'create',
        run: async () => {
          const res = ok(
            await t.editor.post('/api/objectives', {
              cycleId: s.cycle.id,
              title: 'Audited objective',
              teamId: s.team.id,
            }),
            201,
          );
          s.objective = res.body;
          return { res, entityId: res.body.id, actor: t.editor };
        },
      },
      {
        route: 'PATCH /api/objectives/:id',
        entity: 'objective',
        action: 'update',
        run: async () => {
          const res = ok(await t.editor.patch(`/api/objectives/${s.objective.id}`, { weight: 3 }, s.objective.version));
          return { res, entityId: s.objective.id, actor: t.editor };
        },
        check: (e) => expect([e.before.weight, e.after.weight]).toEqual([1, 3]),
      },
      {
        route: 'POST /api/key-results',
        entity: 'keyResult',
        action: 'create',
        run: async () => {
          const res = ok(
            await t.editor.post('/api/key-results', {
              objectiveId: s.objective.id,
              title: 'Audited KR',
              targetValue: 10,
            }),
            201,
          );
          s.kr = res.body;
          return { res, entityId: res.body.id, actor: t.editor };
        },
      },
      {
        route: 'PATCH /api/key-results/:id',
        entity: 'keyResult',
        action: 'update',
        run: async () => {
          const res = ok(await t.editor.patch(`/api/key-results/${s.kr.id}`, { targetValue: 20 }, s.kr.version));
          return { res, entityId: s.kr.id, actor: t.editor };
        },
        check: (e) => expect([e.before.targetValue, e.after.targetValue]).toEqual([10, 20]),
      },
      {
        route: 'POST /api/key-results/:id/check-ins',
        entity: 'keyResult',
        action: 'update',
        run: async () => {
          const res = ok(
            await t.admin.post(`/api/key-results/${s.kr.id}/check-ins`, { value: 5, confidence: 6, note: 'Audited' }),
            201,
          );
          return { res, entityId: s.kr.id, actor: t.admin };
        },
        // The KR's own trail records the move, with the check-in that caused it.
        check: (e) => {
          expect([e.before.currentValue, e.after.currentValue]).toEqual([0, 5]);
          expect(e.after.checkIn).toMatchObject({ value: 5, confidence: 6, note: 'Audited' });
        },
      },
      {
        route: 'POST /api/backlog-items',
        entity: 'backlogItem',
        action: 'create',
        run: async () => {
          const res = ok(await t.editor.post('/api/backlog-items', { title: 'Audited item', effort: 2 }), 201);
          s.item = res.body;
          return { res, entityId: res.body.id, actor: t.editor };
        },
      },
      {
        route: 'PATCH /api/backlog-items/:id',
        entity: 'backlogItem',
        action: 'update',
        run: async () => {
          const res = ok(await t.editor.patch(`/api/backlog-items/${s.item.id}`, { effort: null }, s.item.version));
          s.item = res.body;
          return { res, entityId: s.item.id, actor: t.editor };
        },
        check: (e) => expect([e.before.effort, e.after.effort]).toEqual([2, null]),
      },
      {
        route: 'POST /api/backlog-items/:id/move',
        entity: 'backlogItem',
        action: 'update',
        run: async () => {
          const res = ok(
            await t.editor.post(
              `/api/backlog-items/${s.item.id}/move`,
              { position: 'top' },
              { 'if-match': `"${s.item.version}"` },
            ),
          );
          s.item = res.body;
          return { res, entityId: s.item.id, actor: t.editor };
        },
        check: (e) => {
          expect(e.after.rank).toBeLessThan(e.before.rank);
          expect(e.after.move).toEqual({ position: 'top' });
        },
      },
      {
        route: 'PUT /api/backlog-items/:id/links/:keyResultId',
        entity: 'link',
        action: 'create',
        run: async () => ({
          res: ok(await t.editor.put(`/api/backlog-items/${s.item.id}/links/${s.kr.id}`, {})),
          entityId: `${s.item.id}:${s.kr.id}`,
          actor: t.editor,
        }),
        check: (e) => expect(e.after).toEqual({ itemId: s.item.id, keyResultId: s.kr.id, strength: 2 }),
      },
      {
        route: 'PUT /api/backlog-items/:id/links/:keyResultId',
        entity: 'link',
        action: 'update',
        run: async () => ({
          res: ok(await t.editor.put(`/api/backlog-items/${s.item.id}/links/${s.kr.id}`, { strength: 3 })),
          entityId: `${s.item.id}:${s.kr.id}`,
          actor: t.editor,
        }),
        check: (e) => expect([e.before.strength, e.after.strength]).toEqual([2, 3]),
      },
      {
        route: 'DELETE /api/backlog-items/:id/links/:keyResultId',
        entity: 'link',
        action: 'delete',
        run: async () => ({
          res: ok(await t.editor.delete(`/api/backlog-items/${s.item.id}/links/${s.kr.id}`), 204),
          entityId: `${s.item.id}:${s.kr.id}`,
          actor: t.editor,
        }),
      },
      {
        route: 'PUT /api/settings/scoring',
        entity: 'setting',
        action: 'update',
        run: async () => {
          const current = (await t.viewer.get('/api/settings/scoring')).body;
          const res = ok(
            await t.admin.request('PUT', '/api/settings/scoring', {
              body: current.settings,
              headers: { 'if-match': `"${current.version}"` },
            }),
          );
          return { res, entityId: 'scoring', actor: t.admin };
        },
      },
      {
        route: 'DELETE /api/backlog-items/:id',
        entity: 'backlogItem',
        action: 'delete',
        run: async () => ({
          res: ok(await t.editor.delete(`/api/backlog-items/${s.item.id}`, s.item.version), 204),
          entityId: s.item.id,
          actor: t.editor,
        }),
      },
      {
        route: 'DELETE /api/key-results/:id',
        entity: 'keyResult',
        action: 'delete',
        run: async () => {
          const kr = (await t.viewer.get(`/api/key-results/${s.kr.id}`)).body;
          return {
            res: ok(await t.editor.delete(`/api/key-results/${kr.id}`, kr.version), 204),
            entityId: kr.id,
            actor: t.editor,
          };
        },
      },
      {
        route: 'DELETE /api/objectives/:id',
        entity: 'objective',
        action: 'delete',
        run: async () => {
          const o = (await t.viewer.get(`/api/objectives/${s.objective.id}`)).body;
          return {
            res: ok(await t.editor.delete(`/api/objectives/${o.id}`, o.version), 204),
            entityId: o.id,
            actor: t.editor,
          };
        },
      },
      {
        route: 'DELETE /api/cycles/:id',
        entity: 'cycle',
        action: 'delete',
        run: async () => {
          const c = s.emptyCycle;
          return {
            res: ok(await t.editor.delete(`/api/cycles/${c.id}`, c.version), 204),
            entityId: c.id,
            actor: t.editor,
          };
        },
      },
      {
        route: 'DELETE /api/teams/:id',
        entity: 'team',
        action: 'delete',
        run: async () => {
          const team = s.emptyTeam;
          return {
            res: ok(await t.admin.delete(`/api/teams/${team.id}`, team.version), 204),
            entityId: team.id,
            actor: t.admin,
          };
        },
      },
      {
        route: 'DELETE /api/users/:id',
        entity: 'user',
        action: 'delete',
        run: async () => ({
          res: ok(await t.admin.delete(`/api/users/${s.user.id}`, s.user.version), 204),
          entityId: s.user.id,
          actor: t.admin,
        }),
      },
    ];

    const covered = new Set(steps.map((step) => step.route));
    const missing = listRoutes(t)
      .filter((r) => isWrite(r) && AUDITED_TAGS.includes(r.tag))
      .map(routeKey)
      .filter((key) => !covered.has(key));
    expect(missing, 'write routes with no audit step').toEqual([]);

    // Rows the deletes need, made before counting starts.
    s.emptyCycle = await buildCycle(t.editor);
    s.emptyTeam = await buildTeam(t.admin);

    for (const step of steps) {
      const label = `${step.route} (${step.action})`;
      const total = await auditCount(t.admin);
      const seen = new Set((await eventsOf(step.entity)).map((e) => e.id));
      const { entityId, actor } = await step.run();
      expect(await auditCount(t.admin), `${label}: one event in all`).toBe(total + 1);
      const fresh = (await eventsOf(step.entity, entityId)).filter((e) => !seen.has(e.id));
      expect(fresh, label).toHaveLength(1);
      const event = fresh[0];
      expect(event, label).toMatchObject({
        entity: step.entity,
        entityId,
        action: step.action,
        actorId: actorIds.get(actor),
      });
      expect(event.actorName, label).toBe(actor === t.admin ? 'Test admin' : 'Test editor');
      if (step.action === 'create') {
        expect(event.before, label).toBeNull();
        expect(event.after, label).not.toBeNull();
      } else if (step.action === 'update') {
        expect(event.before, label).not.toBeNull();
        expect(event.after, label).not.toBeNull();
      } else {
        expect(event.before, label).not.toBeNull();
        expect(event.after, label).toBeNull();
      }
      step.check?.(event);
      expect(JSON.stringify(event), `${label}: no secrets in the trail`).not.toMatch(/passwordHash|"password"|argon2/i);
    }
  });

  it('rolls back a failed write with everything it did: no audit event and no side effect', async () => {
    // Deleting a user first ends their sessions, then checks the version: a stale
    // version must undo the sign-out as well, or the transaction leaked.
    const email = `rollback-${randomUUID().slice(0, 6)}@test.local`;
    const user = (await t.admin.post('/api/users', { email, name: 'Rollback', role: 'editor', password: PASSWORD }))
      .body;
    const session = t.client();
    await session.login(email, PASSWORD);
    const renamed = await t.admin.patch(`/api/users/${user.id}`, { name: 'Rollback 2' }, user.version);
    const total = await auditCount(t.admin);
    const stale = await t.admin.delete(`/api/users/${user.id}`, user.version);
    expect(stale.status).toBe(412);
    expect(await auditCount(t.admin)).toBe(total);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await t.admin.get(`/api/users/${user.id}`)).body.version).toBe(renamed.body.version);

    // A check-in refused on a closed cycle leaves neither a check-in nor an event.
    const kr = await buildKeyResult(t.editor);
    const cycle = (await t.viewer.get(`/api/cycles/${kr.cycleId}`)).body;
    await t.editor.patch(`/api/cycles/${cycle.id}`, { status: 'closed' }, cycle.version);
    const before = await auditCount(t.admin);
    expect((await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 3, confidence: 5 })).status).toBe(409);
    expect(await auditCount(t.admin)).toBe(before);
    expect((await t.viewer.get(`/api/key-results/${kr.id}/check-ins`)).body).toEqual([]);
  });

  it('filters the trail by entity and id, newest first, and pages it with a cursor', async () => {
    const item = await buildBacklogItem(t.editor);
    let version = item.version;
    for (const title of ['one', 'two', 'three']) {
      version = (await t.editor.patch(`/api/backlog-items/${item.id}`, { title }, version)).body.version;
    }
    const mine = await eventsOf('backlogItem', item.id);
    // Events within one millisecond have no order between them, so compare contents and the time order.
    expect(mine.map((e) => `${e.action} ${e.after.title}`).sort()).toEqual(
      [`create ${item.title}`, 'update one', 'update three', 'update two'].sort(),
    );
    const times = mine.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const teams = (await t.viewer.get('/api/audit-events?entity=team&limit=500')).body;
    expect(teams.items.length).toBeGreaterThan(0);
    expect(teams.items.every((e: any) => e.entity === 'team')).toBe(true);
    expect(teams.total).toBe(teams.items.length);

    const all: any[] = [];
    const totals: number[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page: ApiResponse = await t.viewer.get(
        `/api/audit-events?entity=backlogItem&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      all.push(...page.body.items);
      totals.push(page.body.total);
      cursor = page.body.nextCursor;
    }
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.length).toBe(totals[0]);
    expect(totals.every((n) => n === totals[0])).toBe(true);
    expect(all.every((e) => e.entity === 'backlogItem')).toBe(true);
    expect((await t.viewer.get(`/api/audit-events?entityId=${randomUUID()}`)).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
  });
});
