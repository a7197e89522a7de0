import {
  buildScoringContext,
  LiveBacklog,
  type LiveItemInput,
  type ScoringContext,
  type ScoringCycle,
  type ScoringKeyResult,
  type ScoringObjective,
  type ScoringSettings,
  type TrackRecord,
  DAY_MS,
  sameTrackRecords,
  isoDay,
} from '@keyline/shared';
import type { Logger } from 'pino';
import { ChangeCursor, pruneChangeLog, type Change } from '../../db/change-log';
import { ChangeListener } from '../../db/change-listener';
import type { Database } from '../../db/database';
import { readSettings } from './scoring-settings.service';
import {
  loadCycles,
  loadItems,
  loadKeyResults,
  loadObjectives,
  loadStructure,
  type ScoringStructureRows,
} from './scoring-inputs';

/** The scored backlog as it is now, for one request (valid until its next await). */
export interface ScoreView {
  backlog: LiveBacklog;
  structure: ScoringStructureRows;
  settings: ScoringSettings;
  /** When this was read: every figure is current as of this moment. */
  asOf: string;
  /** A background re-score of the whole backlog (settings changed, the day turned), if one is running. */
  rescoring: { done: number; total: number } | null;
}

/** Re-scoring more items than this happens in the background; fewer, before the next read is answered. */
const BACKGROUND_RESCORE_MIN = 10_000;
/** More change-log rows than this at once: reload everything instead of row by row. */
const MAX_CHANGES = 20_000;
const PRUNE_EVERY_MS = 5 * 60_000;
/** PostgreSQL: a catch-up even without a notification, in case one was lost with its connection. */
const SAFETY_POLL_MS = 30_000;

interface State {
  backlog: LiveBacklog;
  keyResults: Map<string, ScoringKeyResult>;
  objectives: Map<string, ScoringObjective>;
  cycles: Map<string, ScoringCycle>;
  settings: ScoringSettings;
  day: string;
  /** The teams' track records the scores use; empty while calibration is off. */
  records: TrackRecords;
}

type TrackRecords = ReadonlyMap<string | null, TrackRecord>;
const NO_RECORDS: TrackRecords = new Map();

export interface LiveScoresOptions {
  backgroundRescoreMin?: number;
  /**
   * false: no NOTIFY listener, safety poll or midnight timer; reads still catch up on every
   * committed write. For one-shot scripts, and for tests that must see a background re-score
   * start from their own read rather than from a wake-up they do not control.
   */
  watch?: boolean;
  /** The teams' settled outcome history (OutcomeService.trackRecords): needed for calibrated confidence. */
  trackRecords?: () => Promise<TrackRecords>;
}

interface Rebuild {
  done: number;
  total: number;
  /** The context to end on: the one built with, or a newer one that arrived meanwhile. */
  target: ScoringContext;
  /** Items changed while it ran: re-applied to the new backlog at the end. */
  touched: Set<string>;
}

const today = (now = Date.now()) => isoDay(now);

/**
 * Scores, flags and whole-backlog figures, kept current by the writes
 * themselves (docs/SCORING.md, "Keeping scores current"): every committed
 * write to a scoring input leaves rows in the change log (triggers declared
 * per table in db/change-log.ts); before answering, a read applies the rows
 * added since the last one — an edited item is re-scored alone, a KR or
 * objective edit re-scores the items linked to it, a settings change or the
 * turn of the day re-scores everything once in the background. On
 * PostgreSQL the triggers NOTIFY the other app servers, which catch up
 * within milliseconds.
 */
export class LiveScores {
  private state: State | undefined;
  private readonly cursor: ChangeCursor;
  private loading: Promise<void> | undefined;
  private catching: Promise<void> | undefined;
  private rebuild: Rebuild | undefined;
  /** Database.generation when the last catch-up started: every commit up to it is applied. */
  private seenGeneration = -1;
  /** Notifications (other servers, the day turning) received / applied. */
  private notes = 0;
  private seenNotes = 0;
  private seenDataVersion: number | undefined;
  private lastPrune = 0;
  private listener: ChangeListener | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Newer track records found by a background check, applied by the next catch-up. */
  private pendingRecords: TrackRecords | undefined;
  private checkingRecords = false;

  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
    private readonly options: LiveScoresOptions = {},
  ) {
    this.cursor = new ChangeCursor(db.kind);
    db.onClose(() => this.stop());
  }

  /** The scores with every write committed before this call applied. */
  async current(): Promise<ScoreView> {
    if (!this.state) await this.load();
    const target = { generation: this.db.generation, notes: this.notes };
    const dataVersion = this.db.dataVersion();
    if (dataVersion !== undefined && dataVersion !== this.seenDataVersion) target.notes = ++this.notes;
    while (this.seenGeneration < target.generation || this.seenNotes < target.notes || this.dayTurned()) {
      this.catching ??= this.catchUp().finally(() => (this.catching = undefined));
      await this.catching;
    }
    this.checkRecords();
    return this.view();
  }

  private view(): ScoreView {
    const state = this.state as State;
    return {
      backlog: state.backlog,
      structure: {
        keyResults: [...state.keyResults.values()],
        objectives: [...state.objectives.values()],
        cycles: [...state.cycles.values()],
      },
      settings: state.backlog.context.settings,
      asOf: new Date().toISOString(),
      rescoring: this.rebuild ? { done: this.rebuild.done, total: this.rebuild.total } : null,
    };
  }

  private dayTurned(): boolean {
    return this.state !== undefined && this.state.day !== today();
  }

  /** Reads everything and scores it: at the first read, and when the change log cannot say what changed. */
  private load(): Promise<void> {
    this.loading ??= this.loadAll().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const generation = this.db.generation;
    const notes = this.notes;
    const dataVersion = this.db.dataVersion();
    const started = performance.now();
    const rows = await this.db.read(async (m) => {
      await this.cursor.start(m);
      return {
        structure: await loadStructure(m),
        settings: (await readSettings(m)).settings,
        items: await loadItems(m),
      };
    });
    const day = today();
    const records = await this.recordsFor(rows.settings, undefined);
    const context = contextOf(rows.structure, rows.settings, day, records);
    const backlog = await buildInSlices(rows.items, context);
    this.pendingRecords = undefined;
    this.state = {
      backlog,
      keyResults: byId(rows.structure.keyResults),
      objectives: byId(rows.structure.objectives),
      cycles: byId(rows.structure.cycles),
      settings: rows.settings,
      day,
      records,
    };
    this.rebuild = undefined;
    this.seenGeneration = generation;
    this.seenNotes = notes;
    this.seenDataVersion = dataVersion;
    this.logger?.debug({ items: rows.items.length, ms: Math.round(performance.now() - started) }, 'scores loaded');
    this.startWatching();
  }

  /** Applies the change log's new rows: what they name is re-read and re-scored, nothing else. */
  private async catchUp(): Promise<void> {
    if (!this.state) return this.load();
    const generation = this.db.generation;
    const notes = this.notes;
    const dataVersion = this.db.dataVersion();
    const read = await this.db.read(async (m) => {
      const changes = await this.cursor.read(m, MAX_CHANGES);
      if (changes === 'reload') return 'reload' as const;
      const c = classify(changes);
      return {
        keyResults: c.keyResults.size ? await loadKeyResults(m, [...c.keyResults]) : [],
        changedKeyResults: c.keyResults,
        objectives: c.objectives ? await loadObjectives(m) : undefined,
        cycles: c.cycles ? await loadCycles(m) : undefined,
        settings: c.settings ? (await readSettings(m)).settings : undefined,
        itemIds: c.items,
        items: c.items.size ? await loadItems(m, [...c.items]) : [],
      };
    });
    if (read === 'reload') {
      await this.loadAll();
      return;
    }
    const state = this.state;
    let structureChanged = read.changedKeyResults.size > 0 || !!read.objectives || !!read.cycles || !!read.settings;
    for (const id of read.changedKeyResults) state.keyResults.delete(id);
    for (const kr of read.keyResults) state.keyResults.set(kr.id, kr);
    if (read.objectives) state.objectives = byId(read.objectives);
    if (read.cycles) state.cycles = byId(read.cycles);
    if (read.settings) state.settings = read.settings;
    const records = this.pendingRecords ?? (await this.recordsFor(state.settings, state.records));
    this.pendingRecords = undefined;
    if (records !== state.records && !sameTrackRecords(records, state.records)) {
      state.records = records;
      structureChanged = true;
    }
    if (state.day !== today()) {
      state.day = today();
      structureChanged = true;
    }
    if (structureChanged) this.applyContext(contextOf(structureOf(state), state.settings, state.day, state.records));
    const found = new Map(read.items.map((i) => [i.id, i]));
    for (const id of read.itemIds) {
      const item = found.get(id);
      if (item) state.backlog.upsert(item);
      else state.backlog.remove(id);
      this.rebuild?.touched.add(id);
    }
    this.seenGeneration = generation;
    this.seenNotes = notes;
    this.seenDataVersion = dataVersion;
    this.pruneIfDue();
  }

  /**
   * The records to score with. Off: none. Just switched on (or first load):
   * read now, so the first scores after enabling are calibrated. Otherwise
   * the ones held; newer ones arrive through checkRecords.
   */
  private async recordsFor(settings: ScoringSettings, held: TrackRecords | undefined): Promise<TrackRecords> {
    if (!settings.calibration.enabled || !this.options.trackRecords) return NO_RECORDS;
    if (held !== undefined && held !== NO_RECORDS) return held;
    return this.options.trackRecords();
  }

  /**
   * While calibration is on, asks the outcome service for the current
   * records after a read (it recomputes them when the database changed or
   * a minute has passed, as windows close with the calendar) without making
   * the read wait; when they differ from the ones scored with, the next
   * read re-scores everything with them.
   */
  private checkRecords(): void {
    const state = this.state;
    const source = this.options.trackRecords;
    if (!state || !source || !state.settings.calibration.enabled || this.checkingRecords) return;
    this.checkingRecords = true;
    void source()
      .then((records) => {
        if (this.state !== state || !state.settings.calibration.enabled) return;
        if (sameTrackRecords(records, state.records)) return;
        this.pendingRecords = records;
        this.notes++;
      })
      .catch((error: unknown) => this.logger?.warn({ err: error }, 'track records'))
      .finally(() => (this.checkingRecords = false));
  }

  /** A new OKR structure, settings or day: the items it touches now, or all of them in the background. */
  private applyContext(context: ScoringContext): void {
    if (this.rebuild) {
      this.rebuild.target = context;
      return;
    }
    const backlog = (this.state as State).backlog;
    if (backlog.affectedBy(context) < (this.options.backgroundRescoreMin ?? BACKGROUND_RESCORE_MIN))
      backlog.setContext(context);
    else this.rescoreInBackground(context);
  }

  /**
   * Re-scores every item against a new context, a slice at a time between
   * requests, while reads keep getting the current scores (and the progress).
   * Items edited meanwhile are re-applied to the new backlog before it
   * replaces the old one.
   */
  private rescoreInBackground(context: ScoringContext): void {
    const state = this.state as State;
    const inputs = [...state.backlog.allInputs()];
    const rebuild: Rebuild = { done: 0, total: inputs.length, target: context, touched: new Set() };
    this.rebuild = rebuild;
    const started = performance.now();
    void buildInSlices(inputs, context, rebuild)
      .then((fresh) => {
        if (this.rebuild !== rebuild || this.state !== state) return;
        if (rebuild.target !== context) fresh.setContext(rebuild.target);
        for (const id of rebuild.touched) {
          const input = state.backlog.input(id);
          if (input) fresh.upsert(input);
          else fresh.remove(id);
        }
        state.backlog = fresh;
        this.rebuild = undefined;
        this.logger?.info({ items: inputs.length, ms: Math.round(performance.now() - started) }, 'backlog re-scored');
      })
      .catch((error: unknown) => {
        if (this.rebuild === rebuild) this.rebuild = undefined;
        this.logger?.error({ err: error }, 'background re-score failed; the next read reloads');
        this.notes++;
        this.state = undefined;
      });
  }

  private pruneIfDue(): void {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    void this.db.write(pruneChangeLog).catch((error: unknown) => this.logger?.warn({ err: error }, 'change log prune'));
  }

  /** Wake-ups besides reads: at midnight UTC, and on PostgreSQL on every NOTIFY (and a slow safety poll). */
  private startWatching(): void {
    if (this.stopped || this.timers.size > 0 || this.options.watch === false) return;
    const wake = () => {
      this.notes++;
      if (!this.catching) void this.current().catch((error: unknown) => this.logger?.warn({ err: error }, 'catch-up'));
    };
    const atMidnight = () => {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          wake();
          atMidnight();
        },
        DAY_MS - (Date.now() % DAY_MS) + 1_000,
      );
      timer.unref();
      this.timers.add(timer);
    };
    atMidnight();
    const connection = this.db.connectionOptions();
    if (!connection) return;
    const poll = setInterval(wake, SAFETY_POLL_MS);
    poll.unref();
    this.timers.add(poll);
    this.listener = new ChangeListener(connection, wake, (error) =>
      this.logger?.warn({ err: error }, 'change listener reconnecting'),
    );
    // A change committed between the first load and LISTEN taking effect sends no NOTIFY we can hear:
    // catch up once the channel is open, or such a change would wait for the safety poll.
    this.listener
      .start()
      .then(wake)
      .catch((error: unknown) => this.logger?.warn({ err: error }, 'change listener'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.listener?.stop();
  }
}

function classify(changes: readonly Change[]) {
  const c = {
    items: new Set<string>(),
    keyResults: new Set<string>(),
    objectives: false,
    cycles: false,
    settings: false,
  };
  for (const change of changes) {
    if (change.kind === 'item') c.items.add(change.rowId);
    else if (change.kind === 'keyResult') c.keyResults.add(change.rowId);
    else if (change.kind === 'objective') c.objectives = true;
    else if (change.kind === 'cycle') c.cycles = true;
    else c.settings = true;
  }
  return c;
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function structureOf(state: State): ScoringStructureRows {
  return {
    keyResults: [...state.keyResults.values()],
    objectives: [...state.objectives.values()],
    cycles: [...state.cycles.values()],
  };
}

/** Pace is measured at the start of the UTC day: scores move once a day, not every millisecond. */
function contextOf(
  structure: ScoringStructureRows,
  settings: ScoringSettings,
  day: string,
  trackRecords: TrackRecords,
): ScoringContext {
  return buildScoringContext({ ...structure, settings, asOf: `${day}T00:00:00.000Z`, trackRecords });
}

/** Scores a backlog, yielding to the event loop between slices so requests are answered meanwhile. */
async function buildInSlices(
  items: readonly LiveItemInput[],
  context: ScoringContext,
  progress?: { done: number },
): Promise<LiveBacklog> {
  const steps = LiveBacklog.build(items, context, 2_000);
  if (progress) await new Promise<void>((resolve) => setImmediate(resolve));
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (progress) progress.done = step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
