import {
  ESTIMATE_FIELDS,
  type LiveItemInput,
  type ScoringCycle,
  type ScoringItem,
  type ScoringKeyResult,
  type ScoringObjective,
} from '@keyline/shared';
import type BetterSqlite3 from 'better-sqlite3';
import { In, type EntityManager } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { latestCheckIns } from '../key-results/latest-check-ins';
import { ObjectiveEntity } from '../objectives/objective.entity';

/** The OKR structure scoring reads: key results (with their latest confidence), objectives, cycles. */
export interface ScoringStructureRows {
  keyResults: ScoringKeyResult[];
  objectives: ScoringObjective[];
  cycles: ScoringCycle[];
}

const ITEM_COLUMNS = ['id', 'status', 'teamId', 'rank', ...ESTIMATE_FIELDS] as const;
type LinkRow = [itemId: string, keyResultId: string, strength: number];

const SELECT_ITEMS = `SELECT ${ITEM_COLUMNS.map((c) => `"${c}"`).join(', ')},
  CASE WHEN "status" = 'done' THEN COALESCE("doneAt", "updatedAt") END AS "doneSince"
  FROM "backlog_items" WHERE "archivedAt" IS NULL`;
const SELECT_LINKS = 'SELECT "itemId", "keyResultId", "strength" FROM "backlog_links"';

/**
 * Scoring inputs of every item (archived ones are in no view), or of the
 * ids given. On SQLite rows are read as arrays straight from better-sqlite3
 * (half the time of row objects); PostgreSQL gets one query per table.
 */
export async function loadItems(m: EntityManager, ids?: readonly string[]): Promise<LiveItemInput[]> {
  if (ids?.length === 0) return [];
  const sqlite = sqliteConnection(m);
  let rows: unknown[][];
  let links: LinkRow[];
  if (sqlite) {
    const only = ids ? ' AND "id" IN (SELECT value FROM json_each(?))' : '';
    const onlyLinks = ids ? ' WHERE "itemId" IN (SELECT value FROM json_each(?))' : '';
    const args = ids ? [JSON.stringify(ids)] : [];
    rows = sqlite
      .prepare(SELECT_ITEMS + only)
      .raw()
      .all(...args) as unknown[][];
    links = sqlite
      .prepare(SELECT_LINKS + onlyLinks)
      .raw()
      .all(...args) as LinkRow[];
  } else {
    const only = ids ? ' AND "id" = ANY($1)' : '';
    const onlyLinks = ids ? ' WHERE "itemId" = ANY($1)' : '';
    const args = ids ? [ids] : [];
    const objects = (await m.query(SELECT_ITEMS + only, args)) as Record<string, unknown>[];
    rows = objects.map((r) => [...ITEM_COLUMNS.map((c) => r[c]), r.doneSince]);
    links = (
      (await m.query(SELECT_LINKS + onlyLinks, args)) as { itemId: string; keyResultId: string; strength: number }[]
    ).map((l) => [l.itemId, l.keyResultId, l.strength]);
  }
  const linksOf = new Map<string, { keyResultId: string; strength: number }[]>();
  for (const [itemId, keyResultId, strength] of links) {
    const list = linksOf.get(itemId);
    const link = { keyResultId, strength: Number(strength) };
    if (list) list.push(link);
    else linksOf.set(itemId, [link]);
  }
  // Spelled out, in ITEM_COLUMNS order: one object shape for every item.
  return rows.map((r) => ({
    id: r[0] as string,
    status: r[1] as ScoringItem['status'],
    teamId: r[2] as string | null,
    rank: r[3] as number,
    reach: r[4] as number | null,
    impact: r[5] as number | null,
    confidence: r[6] as number | null,
    effort: r[7] as number | null,
    businessValue: r[8] as number | null,
    timeCriticality: r[9] as number | null,
    riskReduction: r[10] as number | null,
    jobSize: r[11] as number | null,
    ease: r[12] as number | null,
    links: linksOf.get(r[0] as string) ?? [],
    doneAt: (r[13] as string | null) ?? null,
  }));
}

function sqliteConnection(m: EntityManager): BetterSqlite3.Database | undefined {
  return m.dataSource.options.type === 'better-sqlite3'
    ? (m.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection
    : undefined;
}

export async function loadStructure(m: EntityManager): Promise<ScoringStructureRows> {
  return { keyResults: await loadKeyResults(m), objectives: await loadObjectives(m), cycles: await loadCycles(m) };
}

/** Key results (all, or the ids given; missing ones are left out) with their latest check-in's confidence. */
export async function loadKeyResults(m: EntityManager, ids?: readonly string[]): Promise<ScoringKeyResult[]> {
  if (ids?.length === 0) return [];
  const krs = ids ? await m.findBy(KeyResultEntity, { id: In([...ids]) }) : await m.find(KeyResultEntity);
  const latest = await latestCheckIns(m, ids);
  return krs.map((k) => ({
    id: k.id,
    objectiveId: k.objectiveId,
    weight: k.weight,
    startValue: k.startValue,
    targetValue: k.targetValue,
    currentValue: k.currentValue,
    latestConfidence: latest.get(k.id)?.confidence ?? null,
    deleted: k.deletedAt !== null,
  }));
}

export async function loadObjectives(m: EntityManager): Promise<ScoringObjective[]> {
  return (await m.find(ObjectiveEntity)).map((o) => ({
    id: o.id,
    cycleId: o.cycleId,
    parentId: o.parentId,
    weight: o.weight,
    deleted: o.deletedAt !== null,
  }));
}

export async function loadCycles(m: EntityManager): Promise<ScoringCycle[]> {
  return (await m.find(CycleEntity)).map((c) => ({
    id: c.id,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
  }));
}
