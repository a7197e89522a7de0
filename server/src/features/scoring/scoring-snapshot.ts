import {
  buildScoringContext,
  scoreBacklog,
  type BacklogItem,
  type ScoredBacklogItem,
  type ScoreBacklogResult,
  type ScoredItem,
  type ScoringCycle,
  type ScoringItem,
  type ScoringKeyResult,
  type ScoringContext,
  type ScoringObjective,
  type ScoringSettings,
} from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/database';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { CycleEntity } from '../cycles/cycle.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { latestCheckIns } from '../key-results/latest-check-ins';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { attachScores } from './attach-scores';
import { readSettings } from './scoring-settings.service';

/** The whole backlog scored at one moment, with a lookup by id and the value order. */
export interface ScoringSnapshot {
  result: ScoreBacklogResult;
  byId: ReadonlyMap<string, ScoredItem>;
  /** Done item id → when it became done (the dashboard's "output without outcome"). */
  doneAt: ReadonlyMap<string, string>;
  structure: { keyResults: ScoringKeyResult[]; objectives: ScoringObjective[]; cycles: ScoringCycle[] };
  settings: ScoringSettings;
  asOf: string;
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
/** Rebuilds faster than this (a few thousand items) are never skipped. */
const SLOW_BUILD_MS = 50;

/** How long a slow snapshot may serve whole-backlog views after writes: 5 rebuilds' worth, 1–15 s. */
function staleWindowMs(lastBuildMs: number): number {
  return Math.min(15_000, Math.max(1_000, lastBuildMs * 5));
}

function structureKeyOf(structure: ScoringSnapshot['structure'], settings: ScoringSettings, asOf: Date): string {
  return JSON.stringify([structure, settings, asOf.toISOString().slice(0, 10)]);
}

export class ScoringSnapshotService {
  private cached: { generation: number; at: number; day: string; snapshot: Promise<ScoringSnapshot> } | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private structureCache: { generation: number; day: string; at: number; value: { key: string; context: ScoringContext } } | undefined;
  /** How long the last rebuild took: small backlogs (< SLOW_BUILD_MS) are always served fresh. */
  private lastBuildMs = 0;

  constructor(private readonly db: Database) {}

  /**
   * The last snapshot even if writes happened since, for scoring single items
   * in write responses: recomputing the whole backlog after every edit would
   * cost far more than the edit. attachScores re-scores items whose inputs changed.
   */
  latest(): Promise<ScoringSnapshot> {
    return this.cached?.snapshot ?? this.get();
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
    if (this.cached?.generation !== this.db.generation) this.refreshSoon();
    const current = await this.currentStructure();
    if (current.key === snapshot.structureKey) return (items) => attachScores(items, snapshot);
    return (items) => attachScores(items, snapshot, current.context);
  }

  /** The OKR structure and settings as they are now; re-read only after a write (or when the day turns). */
  private async currentStructure(): Promise<{ key: string; context: ScoringContext }> {
    const asOf = new Date();
    const day = asOf.toISOString().slice(0, 10);
    const c = this.structureCache;
    if (c && c.generation === this.db.generation && c.day === day && (this.db.kind === 'sqlite' || asOf.getTime() - c.at < MAX_AGE_MS)) {
      return c.value;
    }
    const generation = this.db.generation;
    const { structure, settings } = await this.db.read(async (m) => ({
      structure: await loadStructure(m),
      settings: (await readSettings(m)).settings,
    }));
    const value = { key: structureKeyOf(structure, settings, asOf), context: buildScoringContext({ ...structure, settings, asOf }) };
    this.structureCache = { generation, day, at: asOf.getTime(), value };
    return value;
  }

  /** Debounced, so a burst of edits costs one rebuild; unref'd so it never keeps a process alive. */
  private refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.get().catch(() => undefined);
    }, REFRESH_DELAY_MS);
    this.refreshTimer.unref();
  }

  get(): Promise<ScoringSnapshot> {
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const c = this.cached;
    const fresh =
      c && c.generation === this.db.generation && c.day === day && (this.db.kind === 'sqlite' || now - c.at < MAX_AGE_MS);
    if (fresh) return c.snapshot;
    // Under a stream of writes a large backlog would be re-scored before every
    // whole-backlog read. When a rebuild is slow, keep serving the last one for
    // a while and rebuild once in the background: such views lag
    // writes by a bounded moment (staleWindowMs) instead of the server doing nothing else.
    if (c && c.day === day && this.lastBuildMs >= SLOW_BUILD_MS && now - c.at < staleWindowMs(this.lastBuildMs)) {
      this.refreshSoon();
      return c.snapshot;
    }
    const started = performance.now();
    const snapshot = this.db.read((m) => buildSnapshot(m, new Date(now)));
    snapshot.then(() => (this.lastBuildMs = performance.now() - started)).catch(() => undefined);
    this.cached = { generation: this.db.generation, at: now, day, snapshot };
    // A failed load must not stick in the cache.
    snapshot.catch(() => {
      if (this.cached?.snapshot === snapshot) this.cached = undefined;
    });
    return snapshot;
  }
}

async function buildSnapshot(m: EntityManager, asOf: Date): Promise<ScoringSnapshot> {
  const structure = await loadStructure(m);
  const { settings } = await readSettings(m);
  const items = await loadItems(m);
  const doneAt = await loadDoneTimes(m);
  // Headline and KR flags are computed per cycle/team by their readers, not here.
  const result = scoreBacklog({ items, ...structure, settings, asOf, summaries: false });
  return {
    result,
    byId: new Map(result.items.map((i) => [i.id, i])),
    doneAt,
    structure,
    settings,
    asOf: asOf.toISOString(),
    structureKey: structureKeyOf(structure, settings, asOf),
  };
}

/** Raw reads: ~2× faster than entity hydration at 100,000 rows (toolchain.md). */
async function loadItems(m: EntityManager): Promise<ScoringItem[]> {
  const rows = await m
    .createQueryBuilder(BacklogItemEntity, 'i')
    .select('i.id', 'id')
    .addSelect('i.status', 'status')
    .addSelect('i.teamId', 'teamId')
    .addSelect('i.rank', 'rank')
    .addSelect('i.reach', 'reach')
    .addSelect('i.impact', 'impact')
    .addSelect('i.confidence', 'confidence')
    .addSelect('i.effort', 'effort')
    .addSelect('i.businessValue', 'businessValue')
    .addSelect('i.timeCriticality', 'timeCriticality')
    .addSelect('i.riskReduction', 'riskReduction')
    .addSelect('i.jobSize', 'jobSize')
    .addSelect('i.ease', 'ease')
    .getRawMany<Omit<ScoringItem, 'links'>>();
  const links = await m
    .createQueryBuilder(BacklogLinkEntity, 'l')
    .select('l.itemId', 'itemId')
    .addSelect('l.keyResultId', 'keyResultId')
    .addSelect('l.strength', 'strength')
    .getRawMany<{ itemId: string; keyResultId: string; strength: number }>();
  const linksOf = new Map<string, { keyResultId: string; strength: number }[]>();
  for (const l of links) {
    const list = linksOf.get(l.itemId);
    const link = { keyResultId: l.keyResultId, strength: Number(l.strength) };
    if (list) list.push(link);
    else linksOf.set(l.itemId, [link]);
  }
  return rows.map((r) => ({ ...r, links: linksOf.get(r.id) ?? [] }));
}

/** Items marked done by a path that does not stamp doneAt (an import): their last change is the best guess. */
async function loadDoneTimes(m: EntityManager): Promise<Map<string, string>> {
  const rows = await m
    .createQueryBuilder(BacklogItemEntity, 'i')
    .select('i.id', 'id')
    .addSelect('COALESCE(i.doneAt, i.updatedAt)', 'doneAt')
    .where("i.status = 'done'")
    .getRawMany<{ id: string; doneAt: string }>();
  return new Map(rows.map((r) => [r.id, r.doneAt]));
}

export async function loadStructure(m: EntityManager): Promise<ScoringSnapshot['structure']> {
  const [krs, objectives, cycles, latest] = [
    await m.find(KeyResultEntity),
    await m.find(ObjectiveEntity),
    await m.find(CycleEntity),
    await latestCheckIns(m),
  ];
  return {
    keyResults: krs.map((k) => ({
      id: k.id,
      objectiveId: k.objectiveId,
      weight: k.weight,
      startValue: k.startValue,
      targetValue: k.targetValue,
      currentValue: k.currentValue,
      latestConfidence: latest.get(k.id)?.confidence ?? null,
      deleted: k.deletedAt !== null,
    })),
    objectives: objectives.map((o) => ({ id: o.id, cycleId: o.cycleId, parentId: o.parentId, weight: o.weight, deleted: o.deletedAt !== null })),
    cycles: cycles.map((c) => ({ id: c.id, status: c.status, startsOn: c.startsOn, endsOn: c.endsOn })),
  };
}
