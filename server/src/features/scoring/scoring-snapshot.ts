import {
  buildScoringContext,
  scoreBacklogInSlices,
  type BacklogItem,
  type ScoredBacklogItem,
  type ScoreBacklogResult,
  type ScoredItem,
  type ScoringCycle,
  type ScoringKeyResult,
  type ScoringContext,
  type ScoringObjective,
  type ScoringSettings,
} from '@keyline/shared';
import type { Database } from '../../db/database';
import { attachScores } from './attach-scores';
import { readSettings } from './scoring-settings.service';
import { loadScoringInputs, loadStructure } from './snapshot-loader';

/** The whole backlog scored at one moment, with a lookup by id and the value order. */
export interface ScoringSnapshot {
  result: ScoreBacklogResult;
  byId: ReadonlyMap<string, ScoredItem>;
  /** Done item id → when it became done (the dashboard's "output without outcome"). */
  doneAt: ReadonlyMap<string, string>;
  structure: { keyResults: ScoringKeyResult[]; objectives: ScoringObjective[]; cycles: ScoringCycle[] };
  settings: ScoringSettings;
  asOf: string;
  /** How long building it kept the server busy (not counting the pauses between slices). */
  busyMs: number;
  /** Identifies the OKR structure, settings and day the scores were computed with. */
  structureKey: string;
}

/** Scores a page of items: from the snapshot where still valid, on the spot otherwise. */
export type PageScorer = (items: BacklogItem[]) => ScoredBacklogItem[];

/**
 * Scores are derived data: recomputed from the database when it changed.
 * One process sees its own writes through Database.generation; other app
 * servers on the same PostgreSQL are picked up within MAX_AGE_MS. The day is
 * part of the key because expected pace moves with the calendar.
 */
const MAX_AGE_MS = 5_000;
/** How long after a write the background rebuild waits for more writes. */
const REFRESH_DELAY_MS = 2_000;
/** Rebuilds taking less work than this (about 5,000 items on the reference machine) are never skipped. */
const SLOW_BUILD_MS = 50;

/**
 * How long a slow snapshot may serve whole-backlog views after writes: 20
 * rebuilds' worth, 1–15 s, so that under a stream of writes re-scoring takes
 * at most about a twentieth of the server's time.
 */
function staleWindowMs(lastBuildMs: number): number {
  return Math.min(15_000, Math.max(1_000, lastBuildMs * 20));
}

function structureKeyOf(structure: ScoringSnapshot['structure'], settings: ScoringSettings, asOf: Date): string {
  return JSON.stringify([structure, settings, asOf.toISOString().slice(0, 10)]);
}

interface Stamp {
  /** Database.generation when the build started. */
  generation: number;
  /** When the build started: the snapshot shows the database as it was then. */
  at: number;
  day: string;
}

export class ScoringSnapshotService {
  /** The last snapshot built, and when it was done. */
  private ready: (Stamp & { builtAt: number; snapshot: ScoringSnapshot }) | undefined;
  /** The rebuild in progress, if any: one at a time. */
  private building: (Stamp & { snapshot: Promise<ScoringSnapshot> }) | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private structureCache:
    { generation: number; day: string; at: number; value: { key: string; context: ScoringContext } } | undefined;
  /** How long the last rebuild kept the server busy: small backlogs (< SLOW_BUILD_MS) are always served fresh. */
  private lastBuildMs = 0;

  constructor(private readonly db: Database) {}

  /**
   * The last snapshot even if writes happened since, for scoring single items
   * in write responses: recomputing the whole backlog after every edit would
   * cost far more than the edit. attachScores re-scores items whose inputs changed.
   */
  latest(): Promise<ScoringSnapshot> {
    return this.ready ? Promise.resolve(this.ready.snapshot) : this.get();
  }

  /**
   * For views that need scores only on the rows they show (a page sorted by a
   * column, a write response): the last snapshot, with every row re-scored
   * on the spot if its inputs changed — or all of them if the OKR structure
   * or the settings changed since (a cheap read of ~1,000 KRs, not 100,000
   * items). A full rebuild is scheduled in the background for the views
   * that rank the whole backlog.
   */
  async pageScorer(): Promise<PageScorer> {
    const snapshot = await this.latest();
    if (this.ready?.generation !== this.db.generation) this.refreshSoon();
    const current = await this.currentStructure();
    if (current.key === snapshot.structureKey) return (items) => attachScores(items, snapshot);
    return (items) => attachScores(items, snapshot, current.context);
  }

  /** The OKR structure and settings as they are now; re-read only after a write that may change them (or when the day turns). */
  private async currentStructure(): Promise<{ key: string; context: ScoringContext }> {
    const asOf = new Date();
    const day = asOf.toISOString().slice(0, 10);
    const c = this.structureCache;
    if (
      c &&
      c.generation === this.db.structureGeneration &&
      c.day === day &&
      (this.db.kind === 'sqlite' || asOf.getTime() - c.at < MAX_AGE_MS)
    ) {
      return c.value;
    }
    const generation = this.db.structureGeneration;
    const { structure, settings } = await this.db.read(async (m) => ({
      structure: await loadStructure(m),
      settings: (await readSettings(m)).settings,
    }));
    const value = {
      key: structureKeyOf(structure, settings, asOf),
      context: buildScoringContext({ ...structure, settings, asOf }),
    };
    this.structureCache = { generation, day, at: asOf.getTime(), value };
    return value;
  }

  /**
   * A rebuild in the background: after REFRESH_DELAY_MS, so a burst of edits
   * costs one, or for a slow backlog once its window has passed. Unref'd so
   * it never keeps a process alive.
   */
  private refreshSoon(): void {
    if (this.refreshTimer || this.building) return;
    const delay =
      this.ready && this.lastBuildMs >= SLOW_BUILD_MS
        ? Math.max(0, this.ready.builtAt + staleWindowMs(this.lastBuildMs) - Date.now())
        : REFRESH_DELAY_MS;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const now = Date.now();
      const day = new Date(now).toISOString().slice(0, 10);
      if (!this.building && !(this.ready && this.isFresh(this.ready, now, day)))
        this.rebuild(now, day).catch(() => undefined);
    }, delay);
    this.refreshTimer.unref();
  }

  private isFresh(stamp: Stamp, now: number, day: string): boolean {
    return (
      stamp.generation === this.db.generation &&
      stamp.day === day &&
      (this.db.kind === 'sqlite' || now - stamp.at < MAX_AGE_MS)
    );
  }

  get(): Promise<ScoringSnapshot> {
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const ready = this.ready;
    if (ready && this.isFresh(ready, now, day)) return Promise.resolve(ready.snapshot);
    // Under a stream of writes a large backlog would be re-scored before every
    // whole-backlog read. When a rebuild is slow, keep serving the last one
    // and rebuild in the background once per staleWindowMs: such
    // views lag writes by a bounded moment (the window plus one rebuild)
    // instead of the server doing nothing else.
    if (ready && ready.day === day && this.lastBuildMs >= SLOW_BUILD_MS) {
      this.refreshSoon();
      return Promise.resolve(ready.snapshot);
    }
    // Small backlogs are always served fresh, one rebuild at a time.
    if (this.building) {
      const building = this.building;
      return this.isFresh(building, now, day)
        ? building.snapshot
        : building.snapshot.catch(() => undefined).then(() => this.get());
    }
    return this.rebuild(now, day);
  }

  private rebuild(now: number, day: string): Promise<ScoringSnapshot> {
    const stamp = { generation: this.db.generation, at: now, day };
    const snapshot = buildSnapshot(this.db, new Date(now));
    const building = { ...stamp, snapshot };
    this.building = building;
    snapshot
      .then((built) => {
        this.lastBuildMs = built.busyMs;
        if (!this.ready || this.ready.at <= stamp.at) this.ready = { ...stamp, builtAt: Date.now(), snapshot: built };
      })
      .catch(() => undefined) // the caller gets the error; the next read tries again
      .finally(() => {
        if (this.building === building) this.building = undefined;
      });
    return snapshot;
  }
}

/**
 * Reads the inputs under the database lock, then scores outside it in
 * slices of 1,000 items with a pause between them, so requests are answered
 * during a rebuild of a large backlog instead of waiting for all of it.
 */
async function buildSnapshot(db: Database, asOf: Date): Promise<ScoringSnapshot> {
  let busyMs = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      busyMs += performance.now() - started;
    }
  };
  const { structure, settings, items, doneAt } = await db.read(async (m) => {
    const started = performance.now();
    const inputs = await loadScoringInputs(m);
    busyMs += performance.now() - started;
    return inputs;
  });
  // Headline and KR flags are computed per cycle/team by their readers, not here.
  const steps = scoreBacklogInSlices({ items, ...structure, settings, asOf, summaries: false });
  let step = timed(() => steps.next());
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = timed(() => steps.next());
  }
  const result = step.value;
  const byId = timed(() => new Map(result.items.map((i) => [i.id, i])));
  return {
    busyMs,
    result,
    byId,
    doneAt,
    structure,
    settings,
    asOf: asOf.toISOString(),
    structureKey: structureKeyOf(structure, settings, asOf),
  };
}
