import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { ADMIN, type ServerProcess } from '../support/server-process';
import { killHard, startApiProcess } from './support/process';
import { FULL, reportFigures, sized, sleep } from './support/mode';

const ROUNDS = sized(2, 20);
const WRITERS = 50;

/** What a writer was told had been saved: each must be on disk after the crash. */
interface Acked {
  items: Map<string, { version: number; title: string }>;
  links: Set<string>;
  checkIns: Set<string>;
}

/**
 * Kill -9 under load: fifty writers create items, link them, check in on a
 * KR and rename their items, while the server process is SIGKILLed at a
 * random moment. After each crash the file must hold every write that was
 * acknowledged, nothing half-written, and pass SQLite's integrity check;
 * then the server restarts on it and the next round begins.
 */
describe(`crash: SIGKILL under ${WRITERS} writers, ${ROUNDS} rounds`, () => {
  let dir: string;
  let file: string;
  let server: ServerProcess | undefined;
  let cookie: string;
  let krId: string;
  const acked: Acked = { items: new Map(), links: new Set(), checkIns: new Set() };
  /** Writes that got no answer because the server died under them: may or may not be saved. */
  const inFlight: { items: Map<string, string>; titles: Set<string> } = { items: new Map(), titles: new Set() };
  const totals = { requests: 0, acknowledged: 0, unanswered: 0, refused: [] as string[], killDelaysMs: [] as number[] };

  /** Starts the server on the file; it resets the start-up admin's password (and sessions), so sign in again. */
  const start = async () => {
    server = await startApiProcess({ DATABASE_URL: `sqlite:${file}` });
    const api = new ApiClient(server.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    cookie = api.sessionCookie;
    return api;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyline-crash-'));
    file = join(dir, 'keyline.db');
    const admin = await start();
    // A quarter still in planning: check-ins move the KR without recording headline history.
    const cycle = (
      await admin.post('/api/cycles', { name: 'Crash quarter', startsOn: '2026-10-01', endsOn: '2026-12-31' })
    ).body;
    const objective = (await admin.post('/api/objectives', { cycleId: cycle.id, title: 'Survive crashes' })).body;
    krId = (
      await admin.post('/api/key-results', {
        objectiveId: objective.id,
        title: 'Acknowledged writes kept',
        startValue: 0,
        targetValue: 100,
        unit: '%',
      })
    ).body.id;
    expect(krId).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    if (server) await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** One writer: create → link → check in → rename, over and over, until the server is gone. */
  async function writer(api: ApiClient, w: number, round: number, stop: { dead: boolean }): Promise<void> {
    for (let n = 0; !stop.dead && n < 10_000; n++) {
      const title = `r${round}-w${w}-n${n}`;
      const step = async <T>(send: () => Promise<T>, inflight?: () => void): Promise<T | undefined> => {
        totals.requests++;
        try {
          return await send();
        } catch {
          totals.unanswered++;
          inflight?.();
          stop.dead = true;
          return undefined;
        }
      };
      const created = await step(
        () => api.post('/api/backlog-items', { title, effort: 1 + (n % 8) }),
        () => inFlight.titles.add(title),
      );
      if (!created) return;
      if (created.status !== 201) return void totals.refused.push(`create ${created.status}`);
      totals.acknowledged++;
      acked.items.set(created.body.id, { version: created.body.version, title });

      const linked = await step(() =>
        api.put(`/api/backlog-items/${created.body.id}/links/${krId}`, { strength: 1 + (n % 3) }),
      );
      if (!linked) return;
      if (linked.status !== 200) return void totals.refused.push(`link ${linked.status}`);
      totals.acknowledged++;
      acked.links.add(`${created.body.id}:${krId}:${1 + (n % 3)}`);

      const checkedIn = await step(() =>
        api.post(`/api/key-results/${krId}/check-ins`, { value: n, confidence: 5, note: title }),
      );
      if (!checkedIn) return;
      if (checkedIn.status !== 201) return void totals.refused.push(`check-in ${checkedIn.status}`);
      totals.acknowledged++;
      acked.checkIns.add(checkedIn.body.id);

      const renamed = `${title}-renamed`;
      const patched = await step(
        () => api.patch(`/api/backlog-items/${created.body.id}`, { title: renamed }, created.body.version),
        () => inFlight.items.set(created.body.id, renamed),
      );
      if (!patched) return;
      if (patched.status !== 200) return void totals.refused.push(`rename ${patched.status}`);
      totals.acknowledged++;
      acked.items.set(created.body.id, { version: patched.body.version, title: renamed });
    }
  }

  /** Reads the file the dead server left, the way the next start will (WAL replayed), and lists what is wrong. */
  function inspect(): { problems: string[]; items: number; links: number; checkIns: number; integrity: string } {
    const db = new SqliteDatabase(file);
    try {
      const problems: string[] = [];
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; ');
      for (const o of db.pragma('foreign_key_check') as { table: string; parent: string }[])
        problems.push(`orphan in ${o.table} → ${o.parent}`);
      const items = new Map(
        (
          db.prepare('SELECT id, title, version FROM backlog_items').all() as {
            id: string;
            title: string;
            version: number;
          }[]
        ).map((r) => [r.id, r]),
      );
      const links = new Set(
        (
          db.prepare('SELECT itemId, keyResultId, strength FROM backlog_links').all() as {
            itemId: string;
            keyResultId: string;
            strength: number;
          }[]
        ).map((l) => `${l.itemId}:${l.keyResultId}:${l.strength}`),
      );
      const checkIns = new Set((db.prepare('SELECT id FROM check_ins').all() as { id: string }[]).map((c) => c.id));
      // Every acknowledged write is there, as acknowledged (or as the one write in flight after it).
      for (const [id, a] of acked.items) {
        const row = items.get(id);
        if (!row) problems.push(`acknowledged item ${a.title} missing`);
        else if (row.version < a.version)
          problems.push(`item ${a.title} at version ${row.version}, acknowledged ${a.version}`);
        else if (row.title !== a.title && row.title !== inFlight.items.get(id))
          problems.push(`item ${id} titled ${row.title}, acknowledged ${a.title}`);
      }
      for (const l of acked.links) if (!links.has(l)) problems.push(`acknowledged link ${l} missing`);
      for (const c of acked.checkIns) if (!checkIns.has(c)) problems.push(`acknowledged check-in ${c} missing`);
      // Nothing half-written: each change and its audit row, each check-in and its KR update, went in together.
      const audit = (entity: string, action: string) => {
        const counts = new Map<string, number>();
        for (const r of db
          .prepare('SELECT entityId FROM audit_events WHERE entity = ? AND action = ?')
          .all(entity, action) as { entityId: string }[])
          counts.set(r.entityId, (counts.get(r.entityId) ?? 0) + 1);
        return counts;
      };
      const created = audit('backlogItem', 'create');
      const updated = audit('backlogItem', 'update');
      for (const row of items.values()) {
        if (created.get(row.id) !== 1)
          problems.push(`item ${row.title} has ${created.get(row.id) ?? 0} create audit rows`);
        if ((updated.get(row.id) ?? 0) !== row.version - 1)
          problems.push(
            `item ${row.title} at version ${row.version} has ${updated.get(row.id) ?? 0} update audit rows`,
          );
        if (!acked.items.has(row.id) && !inFlight.titles.has(row.title) && !row.title.startsWith('r'))
          problems.push(`item ${row.title} nobody wrote`);
      }
      const linkAudits = audit('link', 'create');
      for (const l of links) {
        const [itemId, kr] = l.split(':');
        if (linkAudits.get(`${itemId}:${kr}`) !== 1) problems.push(`link ${l} without its audit row`);
      }
      const kr = db.prepare('SELECT version FROM key_results WHERE id = ?').get(krId) as { version: number };
      const krUpdates = audit('keyResult', 'update').get(krId) ?? 0;
      if (kr.version !== 1 + checkIns.size)
        problems.push(`KR at version ${kr.version} after ${checkIns.size} check-ins`);
      if (krUpdates !== checkIns.size) problems.push(`${checkIns.size} check-ins but ${krUpdates} KR audit rows`);
      return { problems, items: items.size, links: links.size, checkIns: checkIns.size, integrity };
    } finally {
      db.close();
    }
  }

  it(
    'keeps every acknowledged write and nothing half-written through every crash, and starts again each time',
    async () => {
      const perRound: string[] = [];
      let last = { problems: [] as string[], items: 0, links: 0, checkIns: 0, integrity: '' };
      const allProblems: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const api = round === 0 ? new ApiClient(server!.baseUrl).useSessionCookie(cookie) : await start();
        const stop = { dead: false };
        const before = totals.acknowledged;
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(api, w, round, stop));
        // Kill at a random moment once the writers are under way (some acknowledgements in).
        const warm = Date.now();
        while (totals.acknowledged - before < 20 && Date.now() - warm < 30_000) await sleep(20);
        const delay = Math.floor(Math.random() * (FULL ? 2000 : 800));
        totals.killDelaysMs.push(delay);
        await sleep(delay);
        await killHard(server!);
        stop.dead = true;
        await Promise.all(writers);
        last = inspect();
        perRound.push(`${totals.acknowledged - before}`);
        allProblems.push(...last.problems.map((p) => `round ${round}: ${p}`));
        if (last.integrity !== 'ok') allProblems.push(`round ${round}: integrity ${last.integrity}`);
      }
      // The last restart: the server comes up on the file and shows what the file holds.
      const api = await start();
      const listed = (await api.get('/api/backlog-items?limit=1')).body.total;
      const checkIns = (await api.get(`/api/key-results/${krId}/check-ins`)).body.length;
      expect(await server!.stop('SIGTERM')).toBe(0);

      const ackedTotal = acked.items.size + acked.links.size + acked.checkIns.size;
      reportFigures('crash', {
        rounds: ROUNDS,
        writers: WRITERS,
        'requests sent': totals.requests,
        'acknowledged (2xx)': totals.acknowledged,
        'acknowledged per round': perRound.join(' '),
        'kill delays after warm-up (ms)': totals.killDelaysMs.join(' '),
        'in flight at the kill (no answer)': totals.unanswered,
        'acknowledged rows (items, links, check-ins)': ackedTotal,
        'acknowledged rows missing': allProblems.filter((p) => p.includes('missing')).length,
        'half-written or inconsistent': allProblems.filter((p) => !p.includes('missing')).length,
        'items on disk': last.items,
        'check-ins on disk': last.checkIns,
        'integrity check (last round)': last.integrity,
      });
      expect(totals.refused).toEqual([]);
      expect(allProblems.slice(0, 20)).toEqual([]);
      expect(last.integrity).toBe('ok');
      expect(totals.acknowledged).toBeGreaterThanOrEqual(20 * ROUNDS);
      expect(listed).toBe(last.items);
      expect(checkIns).toBe(last.checkIns);
    },
    FULL ? 3_600_000 : 300_000,
  );
});
