import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CycleEntity } from '../../server/src/features/cycles/cycle.entity';
import { HeadlineHistoryEntity } from '../../server/src/features/dashboard/headline-history.entity';
import { describeEachDatabase } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

/** Recorded headline history is history: deleting the team it was recorded for keeps it. */
describeEachDatabase('deleting a team keeps its recorded headline history', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('keeps the rows, with the deleted team’s id', async () => {
    const team = await t.admin.post('/api/teams', { name: `Gone ${randomUUID().slice(0, 6)}` });
    expect(team.status).toBe(201);
    const cycle = await t.db.read((m) => m.find(CycleEntity, { take: 1 }));
    let cycleId = cycle[0]?.id;
    if (!cycleId) {
      const created = await t.admin.post('/api/cycles', {
        name: 'History quarter',
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
      });
      expect(created.body).toMatchObject({ id: expect.any(String) });
      cycleId = created.body.id as string;
    }
    const row = {
      id: randomUUID(),
      cycleId,
      teamId: team.body.id as string,
      recordedAt: '2026-11-02T09:00:00.000Z',
      day: '2026-11-02',
      reason: 'daily' as const,
      misalignedEffortShare: 0.25,
      krCoverageShare: 0.5,
      openEffort: 40,
    };
    await t.db.write((m) => m.insert(HeadlineHistoryEntity, row));
    const deleted = await t.admin.delete(`/api/teams/${team.body.id}`, team.body.version);
    expect(deleted.status).toBe(204);
    const kept = await t.db.read((m) => m.findOneBy(HeadlineHistoryEntity, { id: row.id }));
    expect(kept).toMatchObject({ teamId: team.body.id, misalignedEffortShare: 0.25, openEffort: 40 });
  });
});
