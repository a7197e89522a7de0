import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildKeyResult } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { reportFigures, sized } from './support/mode';
import { auditEventsOf, raceReadModifyWrite, type RaceTarget } from './support/race';

const RACERS = 20;
const ROUNDS = sized(4, 50);

/**
 * Twenty clients read-modify-write one row over and over with If-Match. The
 * change is an increment, so a lost update would show as a total short of
 * the number of successes.
 */
describeEachDatabase('lost updates', (kind) => {
  let t: TestServer;
  let racers: ApiClient[];
  beforeAll(async () => {
    t = await startTestServer(kind);
    // Half editors, half admins, each racer a client of its own.
    racers = Array.from({ length: RACERS }, (_, i) =>
      new ApiClient(t.baseUrl).useSessionCookie((i % 2 ? t.admin : t.editor).sessionCookie),
    );
  });
  afterAll(() => t.stop());

  async function race(label: string, entity: string, path: string, field: string, start: number) {
    const target: RaceTarget = {
      path,
      modify: (row, racer) => ({ [field]: row[field] + 1, title: `${label} by racer ${racer}` }),
    };
    const result = await raceReadModifyWrite(racers, target, ROUNDS);
    const final = (await t.viewer.get(path)).body;
    const id = path.split('/').at(-1)!;
    const audited = await auditEventsOf(t.viewer, entity, id, 'update');
    reportFigures(`lost-updates-${label}-${kind}`, {
      racers: RACERS,
      rounds: ROUNDS,
      attempts: result.attempts,
      successes: result.successes,
      '412 conflicts': result.conflicts,
      'other answers': result.other.length,
      'rounds without exactly one winner': result.roundsWithoutOneWinner,
      'final version': final.version,
      [`final ${field}`]: final[field],
      'audit update rows': audited.length,
    });
    expect(result.other).toEqual([]);
    expect(result.splitReads).toBe(0);
    expect(result.roundsWithoutOneWinner).toBe(0);
    expect(result.successes).toBe(ROUNDS);
    expect(result.conflicts).toBe(ROUNDS * (RACERS - 1));
    expect(result.staleConflictBodies).toBe(0);
    // One version per success, none skipped or reused.
    expect(result.wonVersions).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 2));
    expect(final.version).toBe(1 + result.successes);
    // No increment lost: every success built on the one before it.
    expect(final[field]).toBe(start + result.successes);
    expect(audited).toHaveLength(result.successes);
    expect(audited.map((e) => e.after.version).sort((a: number, b: number) => a - b)).toEqual(result.wonVersions);
  }

  it(`lets exactly one of ${RACERS} racers win each version of a key result, ${ROUNDS} rounds running`, async () => {
    const kr = await buildKeyResult(t.editor, { startValue: 0, targetValue: 1000, currentValue: 0 });
    expect(kr.version).toBe(1);
    await race('kr', 'keyResult', `/api/key-results/${kr.id}`, 'currentValue', 0);
  });

  it(`lets exactly one of ${RACERS} racers win each version of a backlog item, ${ROUNDS} rounds running`, async () => {
    const item = await buildBacklogItem(t.editor, { effort: 1 });
    expect(item.version).toBe(1);
    await race('item', 'backlogItem', `/api/backlog-items/${item.id}`, 'effort', 1);
  });
});
