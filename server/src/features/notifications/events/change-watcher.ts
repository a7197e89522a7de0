import { In, type EntityManager } from 'typeorm';
import { expectedProgress, keyResultProgress, krStatus, type ItemFlagCode, type OkrStatus } from '@keyline/shared';
import type { Database } from '../../../db/database';
import type { Scheduler } from '../../../jobs/scheduler';
import { BacklogItemEntity } from '../../backlog/backlog-item.entity';
import { KeyResultEntity } from '../../key-results/key-result.entity';
import type { LiveScores, ScoreView } from '../../scoring/live-scores';
import { loadStructure } from '../../scoring/scoring-inputs';
import type { Links } from '../links';
import { EventPublisher, type DomainEvent } from './event-publisher';
import { itemRef, keyResultRef } from './event-refs';
import { WatchStateEntity } from './watch-state.entity';

export const CHANGE_WATCH_JOB = 'change-watch';

/** Flag code → when the item gained it (ISO). */
export type FlagSince = Partial<Record<ItemFlagCode, string>>;

const FLAG_NAMES: Record<ItemFlagCode, string> = {
  NOT_SCORABLE: 'Not scorable: estimates are missing',
  UNALIGNED: 'Unaligned: linked to no key result of the active quarter',
  STALE_ALIGNMENT: 'Stale alignment: linked only to closed, achieved or deleted key results',
  LOW_VALUE_HIGH_EFFORT: 'Low value for high effort',
  RANK_INVERSION: 'Ranked above much more valuable work',
};

const CHUNK = 200;

/**
 * Finds the changes no single write causes: a KR's status (it moves with
 * the calendar, as the pace line does) and an item's flags (they follow
 * from the whole backlog's scores). Every minute it compares what it sees
 * with what it saw last (watch_states) and publishes
 * `key_result.status_changed`, `backlog_item.flagged` and `unflagged`, in
 * the same transaction that stores the new state: a run that dies before
 * committing is repeated whole, one that committed is never repeated.
 * The first run takes a baseline and reports nothing.
 */
export class ChangeWatcher {
  /** The scores the flags were last compared against by this process (the backlog and its version). */
  private lastSeen: { backlog: unknown; version: number } | undefined;

  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
    private readonly publisher: EventPublisher,
    private readonly links: Links,
    private readonly clock: () => number = Date.now,
  ) {}

  register(scheduler: Scheduler): void {
    scheduler.register({
      name: CHANGE_WATCH_JOB,
      schedule: '* * * * *',
      leaseMs: 2 * 60_000,
      run: async () => void (await this.run()),
    });
  }

  /** One comparison; returns how many events it published. Tests call it directly. */
  async run(): Promise<{ statusChanges: number; flagChanges: number }> {
    // Before the write: on SQLite a rebuild's read would wait behind our own transaction.
    const view = await this.scores.current();
    const seen = { backlog: view.backlog, version: view.backlog.version };
    const compareFlags = seen.backlog !== this.lastSeen?.backlog || seen.version !== this.lastSeen.version;
    const counts = await this.db.write(async (m) => ({
      statusChanges: await this.watchStatuses(m),
      flagChanges: compareFlags ? await this.watchFlags(m, view) : 0,
    }));
    this.lastSeen = seen;
    return counts;
  }

  private async watchStatuses(m: EntityManager): Promise<number> {
    const now = this.clock();
    const structure = await loadStructure(m);
    const cycles = new Map(structure.cycles.filter((c) => c.status === 'active').map((c) => [c.id, c]));
    const objectives = new Map(structure.objectives.filter((o) => !o.deleted).map((o) => [o.id, o]));
    const current = new Map<
      string,
      { status: OkrStatus; progress: number; expected: number | null; confidence: number | null }
    >();
    for (const kr of structure.keyResults) {
      const cycle = cycles.get(objectives.get(kr.objectiveId)?.cycleId ?? '');
      if (kr.deleted || !cycle) continue;
      const progress = keyResultProgress({ ...kr, currentValue: kr.currentValue ?? kr.startValue });
      const expected = expectedProgress(cycle, new Date(now));
      const { status } = krStatus({
        progress,
        expectedProgress: expected,
        confidence: kr.latestConfidence,
        hasCheckIn: kr.latestConfidence !== null,
      });
      current.set(kr.id, { status, progress, expected, confidence: kr.latestConfidence });
    }
    const stored = await readStates<OkrStatus>(m, 'kr_status');
    const baseline = await takeBaseline(m, 'kr_status', this.clock());
    const changed = [...current].filter(([id, now]) => (stored.get(id) ?? 'no-check-in') !== now.status);
    const gone = [...stored.keys()].filter((id) => !current.has(id));
    const events: DomainEvent[] = [];
    if (!baseline && changed.length > 0) {
      const krs = await findIn(
        m,
        KeyResultEntity,
        changed.map(([id]) => id),
      );
      for (const [id, now] of changed) {
        const kr = krs.get(id);
        if (!kr || now.status === 'no-check-in') continue;
        events.push(
          EventPublisher.event('key_result.status_changed', {
            keyResult: keyResultRef(this.links, kr),
            previousStatus: stored.get(id) ?? 'no-check-in',
            status: now.status,
            progress: now.progress,
            expectedProgress: now.expected,
            confidence: now.confidence,
          }),
        );
      }
    }
    await writeStates(
      m,
      'kr_status',
      changed.map(([id, now]) => [id, now.status]),
      gone,
      this.clock(),
    );
    await this.publisher.publishAll(m, events);
    return events.length;
  }

  private async watchFlags(m: EntityManager, view: ScoreView): Promise<number> {
    // Another app server may have compared against newer scores already: never step back.
    const seen = await m.findOneBy(WatchStateEntity, { kind: 'meta', subjectId: 'flags-as-of' });
    if (seen && typeof seen.value === 'string' && seen.value > view.asOf) return 0;
    const { backlog } = view;
    const nowIso = new Date(this.clock()).toISOString();
    const stored = await readStates<FlagSince>(m, 'item_flags');
    const baseline = await takeBaseline(m, 'item_flags', this.clock());
    const writes: [string, FlagSince][] = [];
    const changes: {
      id: string;
      gained: ItemFlagCode[];
      lost: ItemFlagCode[];
      now: ItemFlagCode[];
      messages: Map<string, string>;
    }[] = [];
    const present = new Set<string>();
    const items = backlog.itemsInValueOrder();
    for (const item of items) {
      const codes = backlog.flagCodes(item.id);
      if (codes.length === 0) continue;
      present.add(item.id);
      const before = stored.get(item.id) ?? {};
      const gained = codes.filter((c) => !(c in before));
      const lost = (Object.keys(before) as ItemFlagCode[]).filter((c) => !codes.includes(c));
      if (gained.length === 0 && lost.length === 0) continue;
      const next: FlagSince = {};
      for (const code of codes) next[code] = before[code] ?? nowIso;
      writes.push([item.id, next]);
      // The sentences only for items whose flags changed: scoring with the breakdown costs more.
      const input = backlog.input(item.id);
      const flags = gained.length > 0 && input ? backlog.scoreFull(input).flags : [];
      changes.push({ id: item.id, gained, lost, now: codes, messages: new Map(flags.map((f) => [f.code, f.message])) });
    }
    const cleared = [...stored.keys()].filter((id) => !present.has(id));
    for (const id of cleared) {
      // Deleted or archived items just leave; an item still there lost its last flag.
      if (backlog.has(id))
        changes.push({
          id,
          gained: [],
          lost: Object.keys(stored.get(id) ?? {}) as ItemFlagCode[],
          now: [],
          messages: new Map(),
        });
    }
    const events: DomainEvent[] = [];
    if (!baseline && changes.length > 0) {
      const items = await findIn(
        m,
        BacklogItemEntity,
        changes.map((c) => c.id),
      );
      for (const change of changes) {
        const item = items.get(change.id);
        if (!item) continue;
        const ref = itemRef(this.links, item);
        if (change.gained.length > 0)
          events.push(
            EventPublisher.event('backlog_item.flagged', {
              item: ref,
              flags: change.gained.map((code) => ({ code, message: change.messages.get(code) ?? FLAG_NAMES[code] })),
              currentFlags: change.now,
            }),
          );
        if (change.lost.length > 0)
          events.push(
            EventPublisher.event('backlog_item.unflagged', {
              item: ref,
              flags: change.lost.map((code) => ({ code, message: FLAG_NAMES[code] })),
              currentFlags: change.now,
            }),
          );
      }
    }
    await writeStates(m, 'item_flags', writes, cleared, this.clock());
    await writeStates(m, 'meta', [['flags-as-of', view.asOf]], [], this.clock());
    await this.publisher.publishAll(m, events);
    return events.length;
  }
}

/** Flag code → since when, for the items that hold a flag now (the digest lists those gained lately). */
export async function readItemFlagStates(m: EntityManager): Promise<Map<string, FlagSince>> {
  return readStates<FlagSince>(m, 'item_flags');
}

async function readStates<T>(m: EntityManager, kind: string): Promise<Map<string, T>> {
  const rows = await m
    .createQueryBuilder(WatchStateEntity, 's')
    .select(['s.subjectId', 's.value'])
    .where('s.kind = :kind', { kind })
    .getMany();
  return new Map(rows.map((r) => [r.subjectId, r.value as T]));
}

/** True (and records it) the first time a kind is watched: that run reports nothing. */
async function takeBaseline(m: EntityManager, kind: string, now: number): Promise<boolean> {
  if (await m.existsBy(WatchStateEntity, { kind: 'meta', subjectId: `baseline:${kind}` })) return false;
  await m.insert(WatchStateEntity, {
    kind: 'meta',
    subjectId: `baseline:${kind}`,
    value: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
  });
  return true;
}

async function writeStates(
  m: EntityManager,
  kind: string,
  upserts: readonly (readonly [string, unknown])[],
  deletes: readonly string[],
  now: number,
): Promise<void> {
  const ids = [...deletes, ...upserts.map(([id]) => id)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    await m.delete(WatchStateEntity, { kind, subjectId: In(ids.slice(i, i + CHUNK)) });
  }
  const updatedAt = new Date(now).toISOString();
  const rows = upserts.map(([subjectId, value]) => ({ kind, subjectId, value: value as object, updatedAt }));
  for (let i = 0; i < rows.length; i += CHUNK) await m.insert(WatchStateEntity, rows.slice(i, i + CHUNK));
}

async function findIn<T extends { id: string }>(
  m: EntityManager,
  entity: new () => T,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await m.find(entity, { where: { id: In(ids.slice(i, i + CHUNK)) } as never });
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}
