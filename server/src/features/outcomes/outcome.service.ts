import {
  buildOutcomeReport,
  CORRELATION_NOTE,
  summarizeOutcomes,
  trackRecords,
  type ItemOutcome,
  type ItemOutcomeDto,
  type OutcomeHeadline,
  type OutcomeQuery,
  type OutcomeReport,
  type OutcomeReportDto,
  type OutcomeSettings,
  type OutcomeSummary,
  type TrackRecord,
} from '@keyline/shared';
import type { Database } from '../../db/database';
import { loadOutcomeRows, type OutcomeRows } from './outcome-rows';
import { readOutcomeSettings } from './outcome-settings.service';

interface Entry {
  /** Database.generation when the computation started. */
  generation: number;
  at: number;
  value: Promise<Computed>;
}

/** One computed report, shared by every reader until the database changes. */
interface Computed {
  rows: OutcomeRows;
  settings: OutcomeSettings;
  report: OutcomeReport;
  itemById: Map<string, OutcomeRows['items'][number]>;
  krById: Map<string, OutcomeRows['keyResults'][number]>;
}

/**
 * Outcomes are derived data, like scores: recomputed from the rows when the
 * database changed (Database.generation), or when the last computation is a
 * minute old (provisional windows close with the calendar; on PostgreSQL
 * other app servers' writes are picked up within MAX_AGE_MS).
 *
 * The Outcomes page always waits for a current report. The figures other
 * views read along the way (the dashboard's headline, the track records
 * calibration uses) wait for one too, unless the last report finished less
 * than SETTLE_FACTOR × its own computing time ago (at least MIN_SPACING_MS),
 * or a newer one is being computed: then they get the last one, and the
 * first read after the spacing computes again. Under a stream of writes the
 * report (a few hundred ms at 10,000 items, seconds at 100,000) is thus
 * recomputed at most once per spacing instead of after every write, and
 * takes about a fifth of the CPU at most; a write after a quiet spell of
 * one spacing is on the dashboard at the next read.
 */
const MAX_AGE_MS = { sqlite: 60_000, postgres: 5_000 } as const;
const MIN_SPACING_MS = 1_000;
const SETTLE_FACTOR = 4;

export class OutcomeService {
  /** The latest computation, finished or not. */
  private cached: Entry | undefined;
  /** The latest finished one, and how long it took. */
  private finished: (Entry & { endedAt: number; ms: number }) | undefined;
  private running = 0;

  constructor(private readonly db: Database) {}

  private isCurrent(entry: Entry, now: number): boolean {
    return entry.generation === this.db.generation && now - entry.at < MAX_AGE_MS[this.db.kind];
  }

  /** A report with every write committed before this call. */
  private computed(): Promise<Computed> {
    const now = Date.now();
    const c = this.cached;
    if (c && this.isCurrent(c, now)) return c.value;
    const generation = this.db.generation;
    this.running++;
    const value = this.compute(now).finally(() => this.running--);
    const entry = { generation, at: now, value };
    this.cached = entry;
    value.then(
      () => {
        if (!this.finished || this.finished.at < now)
          this.finished = { ...entry, endedAt: Date.now(), ms: Date.now() - now };
      },
      () => {
        if (this.cached?.value === value) this.cached = undefined;
      },
    );
    return value;
  }

  /**
   * The figures other views show along the way: a current report, unless
   * the last one finished less than a spacing ago or a newer one is being
   * computed; then the last one (see the comment above the class).
   */
  private recent(): Promise<Computed> {
    const now = Date.now();
    const last = this.finished;
    if (!last || this.isCurrent(last, now)) return this.computed();
    if (this.running > 0) return last.value;
    const nextAt = last.endedAt + Math.max(MIN_SPACING_MS, SETTLE_FACTOR * last.ms);
    return now >= nextAt ? this.computed() : last.value;
  }

  private async compute(now: number): Promise<Computed> {
    const { rows, settings } = await this.db.read(async (m) => ({
      rows: await loadOutcomeRows(m),
      settings: (await readOutcomeSettings(m)).settings,
    }));
    const report = buildOutcomeReport({ ...rows, settings, asOf: new Date(now) });
    return {
      rows,
      settings,
      report,
      itemById: new Map(rows.items.map((i) => [i.id, i])),
      krById: new Map(rows.keyResults.map((k) => [k.id, k])),
    };
  }

  /** Settled history per team (null = no team): what calibrated confidence shrinks towards. */
  async trackRecords(): Promise<Map<string | null, TrackRecord>> {
    return trackRecords((await this.recent()).report.items);
  }

  async report(query: OutcomeQuery): Promise<OutcomeReportDto> {
    const c = await this.computed();
    const { report } = c;
    const cycleId = query.cycleId ?? null;
    const teamId = query.teamId ?? null;
    const inCycle = (i: ItemOutcome) => cycleId === null || i.cycleId === cycleId;
    const inTeam = (i: ItemOutcome) => teamId === null || i.teamId === teamId;
    const selected = report.items.filter((i) => inCycle(i) && inTeam(i));

    const teamEntry = teamId === null ? null : report.byTeam.find((t) => t.teamId === teamId);
    const byCycle = [...(teamId === null ? report.byCycle : (teamEntry?.byCycle ?? []))];
    // Teams with items in the quarter asked for (every team with items when none is).
    const byTeam = report.byTeam.flatMap((t) => {
      const summary = cycleId === null ? t.overall : t.byCycle.find((b) => b.cycleId === cycleId)?.summary;
      return summary ? [{ teamId: t.teamId, summary }] : [];
    });

    const matching = selected.filter(
      (i) =>
        (query.state === undefined || i.state === query.state) &&
        (query.itemId === undefined || i.itemId === query.itemId) &&
        (query.keyResultId === undefined || i.links.some((l) => l.keyResultId === query.keyResultId)),
    );
    return {
      asOf: report.asOf,
      settings: c.settings,
      note: CORRELATION_NOTE,
      cycleId,
      teamId,
      cycles: [...c.rows.cycles]
        .sort(byStart)
        .map(({ id, name, startsOn, endsOn, status }) => ({ id, name, startsOn, endsOn, status })),
      teams: c.rows.teams,
      summary: summarizeOutcomes(selected),
      byCycle,
      byTeam: teamId === null ? byTeam : byTeam.filter((t) => t.teamId === teamId),
      items: matching.slice(0, query.limit).map((i) => this.toDto(c, i, query.keyResultId)),
      itemCount: matching.length,
      trackRecords: [...trackRecords(report.items)]
        .map(([team, record]) => ({ teamId: team, ...record }))
        .sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : a.teamId < b.teamId ? -1 : 1)),
    };
  }

  /** Every matching item, for the CSV export (no limit). */
  async items(query: Omit<OutcomeQuery, 'limit'>): Promise<ItemOutcomeDto[]> {
    const all = await this.report({ ...query, limit: Number.MAX_SAFE_INTEGER });
    return all.items;
  }

  /** The dashboard's headline for a quarter (and team): share of shipped work that moved a KR, and the quarters up to it. */
  async headline(cycleId: string, teamId: string | null): Promise<OutcomeHeadline> {
    const c = await this.recent();
    const team = teamId === null ? null : c.report.byTeam.find((t) => t.teamId === teamId);
    const byCycle = teamId === null ? c.report.byCycle : (team?.byCycle ?? []);
    const cycles = [...c.rows.cycles].sort(byStart);
    const current = cycles.find((x) => x.id === cycleId);
    const summaryOf = (id: string) => byCycle.find((b) => b.cycleId === id)?.summary ?? EMPTY;
    const now = summaryOf(cycleId);
    return {
      cycleId,
      shipped: now.shipped,
      judged: now.judged,
      hits: now.hits,
      hitRate: now.hitRate,
      sampleNote: now.sampleNote,
      trend: cycles
        .filter((x) => current !== undefined && x.startsOn <= current.startsOn)
        .map((x) => ({
          cycleId: x.id,
          name: x.name,
          judged: summaryOf(x.id).judged,
          hitRate: summaryOf(x.id).hitRate,
        })),
      note: CORRELATION_NOTE,
    };
  }

  private toDto(c: Computed, item: ItemOutcome, keyResultId: string | undefined): ItemOutcomeDto {
    const row = c.itemById.get(item.itemId);
    const links = keyResultId === undefined ? item.links : item.links.filter((l) => l.keyResultId === keyResultId);
    return {
      itemId: item.itemId,
      title: row?.title ?? '',
      externalKey: row?.externalKey ?? null,
      cycleId: item.cycleId,
      teamId: item.teamId,
      doneAt: item.doneAt,
      effort: item.effort,
      predicted: item.predicted,
      state: item.state,
      provisional: item.provisional,
      credit: item.credit,
      creditPerPoint: item.creditPerPoint,
      links: links.map((l) => {
        const kr = c.krById.get(l.keyResultId);
        const ownerId = kr?.ownerId ?? null;
        return {
          ...l,
          keyResultTitle: kr?.title ?? '',
          ownerId,
          ownerName: ownerId === null ? null : (c.rows.userNames.get(ownerId) ?? null),
          unit: kr?.unit ?? '',
          sharedWith: l.sharedWith.map((id) => ({ id, title: c.itemById.get(id)?.title ?? '' })),
        };
      }),
    };
  }
}

const byStart = (a: { startsOn: string; id: string }, b: { startsOn: string; id: string }) =>
  a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const EMPTY: OutcomeSummary = summarizeOutcomes([]);
