import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { RUN_ERRORS_KEPT, type MappedIssue, type RunError } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { RANK_STEP, rankAtBottom } from '../backlog/backlog-rank';
import { insertRows, selectWhereIn, updateVersionedRows } from '../imports/bulk-sql';
import { TeamEntity } from '../teams/team.entity';
import type { ConnectionEntity } from './connection.entity';
import { ownedFields } from './owned-fields';
import { SyncedItemEntity } from './synced-item.entity';

/** Every field a sync may write on an item; an update writes them all (unchanged ones with their current value). */
const SYNC_WRITES = [
  'title',
  'description',
  'type',
  'status',
  'labels',
  'effort',
  'teamId',
  'doneAt',
  'archivedAt',
] as const;

export interface ApplyCounts {
  created: number;
  updated: number;
  archived: number;
  restored: number;
  errors: RunError[];
  /** The latest tracker `updated` among the issues applied. */
  highWater: string | null;
}

export interface ApplyContext {
  connection: ConnectionEntity;
  /** The run seeing these issues (a full pass archives what it did not see); null for a webhook. */
  seenByRunId: string | null;
  actor: Actor;
  now: string;
}

/** Someone changed one of these items between our read and our write: the page is retried whole. */
export class ConcurrentEditError extends Error {}

/**
 * Applies a page of mapped issues inside the caller's transaction: creates
 * new items at the bottom of the backlog, updates the fields the tracker
 * owns (conditional on the version read, so a concurrent edit retries the
 * page instead of being overwritten), adopts an item the CSV import made
 * with the same key, restores archived items that match again, and archives
 * ones that stopped qualifying (a story turned sub-task). One audit event
 * per changed item, like a hand edit.
 */
export async function applyIssues(m: EntityManager, ctx: ApplyContext, issues: MappedIssue[]): Promise<ApplyCounts> {
  const counts: ApplyCounts = { created: 0, updated: 0, archived: 0, restored: 0, errors: [], highWater: null };
  if (issues.length === 0) return counts;
  const { connection, now } = ctx;
  const owned = new Set(ownedFields(connection.config));
  const includeSubtasks = connection.config.kind === 'jira' && connection.config.includeSubtasks;

  // The last state of each issue wins if a page repeats one.
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const items = new Map(
    (await selectWhereIn(m, BacklogItemEntity, 'externalKey', [...byKey.keys()])).map((i) => [i.externalKey ?? '', i]),
  );
  const synced = new Map(
    (items.size ? await m.findBy(SyncedItemEntity, { itemId: In([...items.values()].map((i) => i.id)) }) : []).map(
      (s) => [s.itemId, s],
    ),
  );
  const teams = await teamsByName(m, issues);

  const creates: BacklogItemEntity[] = [];
  const updates: { before: BacklogItemEntity; values: BacklogItemEntity }[] = [];
  const syncRows: SyncedItemEntity[] = [];
  const audits: AuditEventEntity[] = [];
  const audit = (entityId: string, action: 'create' | 'update', before: unknown, after: unknown) =>
    audits.push({
      id: randomUUID(),
      at: now,
      actorId: null,
      actorName: ctx.actor.name,
      entity: 'backlogItem',
      entityId,
      action,
      before,
      after,
    });

  for (const issue of byKey.values()) {
    if (!counts.highWater || issue.updatedAt > counts.highWater) counts.highWater = issue.updatedAt;
    const item = items.get(issue.key);
    const link = item ? synced.get(item.id) : undefined;
    if (link && link.connectionId !== connection.id) {
      addError(counts, issue.key, 'Another connection already syncs this issue: it is left to that one');
      continue;
    }
    if (link && link.externalUpdatedAt > issue.updatedAt) continue; // older than what Keyline has (a late search index)
    const qualifies = !issue.pullRequest && (!issue.subtask || includeSubtasks);
    if (!qualifies) {
      if (item && link && !item.archivedAt) {
        updates.push({ before: item, values: { ...item, archivedAt: now } });
        audit(
          item.id,
          'update',
          { archivedAt: null },
          { archivedAt: now, reason: 'no longer a backlog item in the tracker' },
        );
        counts.archived++;
      }
      continue;
    }
    for (const warning of issue.warnings) addError(counts, issue.key, warning);
    const fields = trackerFields(issue, owned, teams, counts);

    if (!item) {
      const id = randomUUID();
      creates.push({
        id,
        title: fields.title,
        description: fields.description,
        type: fields.type,
        status: fields.status,
        teamId: fields.teamId ?? null,
        rank: 0, // given below, after the current bottom
        reach: null,
        impact: null,
        confidence: null,
        effort: fields.effort ?? null,
        businessValue: null,
        timeCriticality: null,
        riskReduction: null,
        jobSize: null,
        ease: null,
        externalKey: issue.key,
        labels: fields.labels,
        doneAt: fields.status === 'done' ? issue.updatedAt : null,
        archivedAt: null,
        version: 1,
        createdAt: issue.createdAt && issue.createdAt < now ? issue.createdAt : now,
        updatedAt: now,
      });
      syncRows.push(syncRow(ctx, id, issue, undefined));
      counts.created++;
      continue;
    }

    const changes: Partial<BacklogItemEntity> = {};
    for (const [field, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
      if (value !== undefined && !same(item[field], value)) (changes as Record<string, unknown>)[field] = value;
    }
    if (changes.status !== undefined) changes.doneAt = changes.status === 'done' ? issue.updatedAt : null;
    if (item.archivedAt) {
      changes.archivedAt = null;
      counts.restored++;
    }
    if (Object.keys(changes).length > 0) {
      updates.push({ before: item, values: { ...item, ...changes } });
      audit(item.id, 'update', pick(item, Object.keys(changes)), { ...changes, version: item.version + 1 });
      counts.updated++;
    }
    syncRows.push(syncRow(ctx, item.id, issue, link));
  }

  if (creates.length) {
    const bottom = await rankAtBottom(m);
    creates.forEach((row, i) => (row.rank = bottom + i * RANK_STEP));
    await insertRows(m, BacklogItemEntity, creates);
    for (const row of creates) audit(row.id, 'create', null, { ...row, links: [] });
  }
  if (updates.length) {
    const changed = await updateVersionedRows(
      m,
      BacklogItemEntity,
      SYNC_WRITES,
      updates.map((u) => ({ id: u.before.id, version: u.before.version, values: u.values })),
      now,
    );
    if (changed !== updates.length) throw new ConcurrentEditError('An item changed while the page was written');
  }
  if (syncRows.length) {
    await m.delete(SyncedItemEntity, { itemId: In(syncRows.map((r) => r.itemId)) });
    await insertRows(m, SyncedItemEntity, syncRows);
  }
  await insertRows(m, AuditEventEntity, audits);
  return counts;
}

interface TrackerFields {
  title: string;
  description: string;
  type: BacklogItemEntity['type'];
  status: BacklogItemEntity['status'];
  labels: string[];
  effort?: number | null;
  teamId?: string | null;
}

function trackerFields(
  issue: MappedIssue,
  owned: ReadonlySet<string>,
  teams: ReadonlyMap<string, string>,
  counts: ApplyCounts,
): TrackerFields {
  const fields: TrackerFields = {
    title: issue.title,
    description: issue.description,
    type: issue.type,
    status: issue.status,
    labels: issue.labels,
  };
  if (owned.has('effort')) fields.effort = issue.effort ?? null;
  if (owned.has('teamId')) {
    const names = issue.teamNames ?? [];
    const teamId = names.map((n) => teams.get(n.toLowerCase())).find((id) => id !== undefined);
    fields.teamId = teamId ?? null;
    if (!teamId && names.length) {
      addError(
        counts,
        issue.key,
        `No team named ${names.map((n) => `"${n}"`).join(' or ')} in Keyline: the item has no team (add the team in Settings → Teams, and the next run assigns it)`,
      );
    }
  }
  return fields;
}

function syncRow(
  ctx: ApplyContext,
  itemId: string,
  issue: MappedIssue,
  before: SyncedItemEntity | undefined,
): SyncedItemEntity {
  return {
    itemId,
    connectionId: ctx.connection.id,
    externalId: issue.externalId.slice(0, 64),
    url: issue.url.slice(0, 500),
    externalUpdatedAt: issue.updatedAt,
    lastSeenRunId: ctx.seenByRunId ?? before?.lastSeenRunId ?? null,
    trackerLabels: issue.trackerLabels,
    writtenLabels: before?.writtenLabels ?? [],
  };
}

async function teamsByName(m: EntityManager, issues: MappedIssue[]): Promise<Map<string, string>> {
  if (!issues.some((i) => i.teamNames?.length)) return new Map();
  const teams = await m.find(TeamEntity, { select: { id: true, name: true } });
  return new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
}

export function addError(counts: { errors: RunError[] }, key: string | null, reason: string): void {
  counts.errors.push({ key, reason });
}

/** Keeps the first RUN_ERRORS_KEPT errors of a run; the count keeps them all. */
export function mergeErrors(kept: RunError[], more: RunError[]): RunError[] {
  return kept.length >= RUN_ERRORS_KEPT ? kept : [...kept, ...more].slice(0, RUN_ERRORS_KEPT);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a ?? null) === (b ?? null);
}

function pick(row: BacklogItemEntity, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (row as unknown as Record<string, unknown>)[f]]));
}

/**
 * Archives one connection's items that no longer match (a webhook said the
 * issue was deleted or left the query; a full pass did not see them).
 * Hidden from the backlog, links and history kept. Returns how many.
 */
export async function archiveItems(
  m: EntityManager,
  actor: Actor,
  itemIds: readonly string[],
  now: string,
  reason: string,
): Promise<number> {
  let archived = 0;
  for (let i = 0; i < itemIds.length; i += 1000) {
    const rows = (await m.findBy(BacklogItemEntity, { id: In(itemIds.slice(i, i + 1000)) })).filter(
      (r) => !r.archivedAt,
    );
    if (!rows.length) continue;
    const changed = await updateVersionedRows(
      m,
      BacklogItemEntity,
      ['archivedAt'],
      rows.map((r) => ({ id: r.id, version: r.version, values: { archivedAt: now } })),
      now,
    );
    if (changed !== rows.length) throw new ConcurrentEditError('An item changed while it was being archived');
    await insertRows(
      m,
      AuditEventEntity,
      rows.map((r) => ({
        id: randomUUID(),
        at: now,
        actorId: null,
        actorName: actor.name,
        entity: 'backlogItem' as const,
        entityId: r.id,
        action: 'update' as const,
        before: { archivedAt: null },
        after: { archivedAt: now, reason, version: r.version + 1 },
      })),
    );
    archived += rows.length;
  }
  return archived;
}
