import { expectedProgress, type Dashboard, type DashboardQuery } from '@keyline/shared';
import { In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AppendOnlyCache, seriesFromQuery, type SeriesSource } from '../../db/append-only-cache';
import type { Database } from '../../db/database';
import { notFound } from '../../http/app-error';
import type { CycleEntity } from '../cycles/cycle.entity';
import { findCycle } from '../cycles/cycle.service';
import { CheckInEntity } from '../key-results/check-in.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { toKeyResultDtos } from '../key-results/key-result.mapper';
import { readLifecycleSettings } from '../cycles/lifecycle-settings.service';
import { ObjectiveEntity } from '../objectives/objective.entity';
import type { AlignmentService } from '../alignment/alignment.service';
import type { LiveScores, ScoreView } from '../scoring/live-scores';
import { TeamEntity } from '../teams/team.entity';
import { assembleDashboard, type QuarterData } from './dashboard.assemble';
import type { HeadlineHistoryService } from './headline-history.service';
import type { OutcomeService } from '../outcomes/outcome.service';

/** The leadership dashboard: everything for one cycle (and optionally one team) in one document. */
export class DashboardService {
  /** A KR checked in often piles up rows: views read only the check-ins made since the last one. */
  private readonly checkInSeries = new AppendOnlyCache<CheckInRow>((c) => c.createdAt);

  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
    private readonly alignment: AlignmentService,
    private readonly history: HeadlineHistoryService,
    private readonly outcomes: OutcomeService,
  ) {}

  async get(query: DashboardQuery): Promise<Dashboard> {
    if (query.teamId) {
      const teamId = query.teamId;
      if (!(await this.db.read((m) => m.existsBy(TeamEntity, { id: teamId })))) throw notFound('Team');
    }
    // The first view of a day records the day's headline, so the trend has a point per day someone looked (and per check-in).
    await this.history.recordDailyIfDue();
    // Headline, effort shares and KR flags: the alignment view's own figures, not a second implementation.
    // One view of the scores for every derived figure, so they agree with each other.
    const view = await this.scores.current();
    const report = await this.alignment.reportFrom(view, query, { points: false });
    const teamId = query.teamId ?? null;
    if (!report.cycle) {
      const { settings } = await this.db.read((m) => readLifecycleSettings(m));
      return emptyDashboard(report.asOf, teamId, settings.checkInCadenceDays);
    }
    const cycleId = report.cycle.id;
    const data = await this.db.read((m) => loadQuarter(m, cycleId, teamId, view, this.checkInSeries));
    const history = await this.history.history(cycleId, teamId);
    const outcomes = await this.outcomes.headline(cycleId, teamId);
    return {
      ...assembleDashboard(data, report, history, teamId, expectedProgress(data.cycle, report.asOf)),
      outcomes,
    };
  }
}

type CheckInRow = QuarterData['checkIns'][number];

/** The check-ins of a set of KRs, for the append-only cache. Raw rows: entity hydration would cost twice the read. */
function checkInSource(m: EntityManager, krIds: string[]): SeriesSource<CheckInRow> {
  const rows = () => m.createQueryBuilder(CheckInEntity, 'c').where('c.keyResultId IN (:...krIds)', { krIds });
  const read = async (qb: SelectQueryBuilder<CheckInEntity>) =>
    (
      await qb
        .select([
          'c.keyResultId AS "keyResultId"',
          'c.value AS "value"',
          'c.confidence AS "confidence"',
          'c.note AS "note"',
          'c.at AS "at"',
          'c.createdAt AS "createdAt"',
        ])
        .orderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .getRawMany<{
          keyResultId: string;
          value: number | string;
          confidence: number | string;
          note: string;
          at: string;
          createdAt: string;
        }>()
    ).map((c) => ({ ...c, value: Number(c.value), confidence: Number(c.confidence) }));
  return seriesFromQuery(rows, 'c.createdAt', read);
}

/**
 * The cache keeps check-ins in the order they were entered; charts and pace
 * need them in the order of the moments they are for. They are the same
 * unless one was recorded late, so the copy and sort happen only then.
 */
function inMomentOrder(rows: readonly CheckInRow[]): readonly CheckInRow[] {
  const sorted = rows.every((row, i) => i === 0 || (rows[i - 1] as CheckInRow).at <= row.at);
  if (sorted) return rows;
  return [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.createdAt < b.createdAt ? -1 : 1));
}

async function loadQuarter(
  m: EntityManager,
  cycleId: string,
  teamId: string | null,
  view: ScoreView,
  checkInSeries: AppendOnlyCache<CheckInRow>,
): Promise<QuarterData> {
  const cycle: CycleEntity = await findCycle(m, cycleId);
  const objectives = await m.find(ObjectiveEntity, {
    where: { cycleId, deletedAt: IsNull(), ...(teamId && { teamId }) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const krRows = objectives.length
    ? await m.find(KeyResultEntity, {
        where: { objectiveId: In(objectives.map((o) => o.id)), deletedAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      })
    : [];
  const krIds = krRows.map((k) => k.id);
  const keyResults = await toKeyResultDtos(m, krRows, view.backlog.openItemCounts());
  const checkIns = krIds.length
    ? inMomentOrder(await checkInSeries.read(krIds.join(','), checkInSource(m, krIds)))
    : [];
  const { checkInCadenceDays } = (await readLifecycleSettings(m)).settings;
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status, startsOn: cycle.startsOn, endsOn: cycle.endsOn },
    objectives: objectives.map((o) => ({
      id: o.id,
      title: o.title,
      parentId: o.parentId,
      teamId: o.teamId,
      weight: o.weight,
    })),
    keyResults,
    checkIns,
    linkedItems: new Map(krIds.map((id) => [id, view.backlog.linkedItems(id)])),
    cadenceDays: checkInCadenceDays,
  };
}

function emptyDashboard(asOf: string, teamId: string | null, checkInCadenceDays: number): Dashboard {
  return {
    cycle: null,
    teamId,
    asOf,
    checkInCadenceDays,
    summary: { objectives: 0, keyResults: 0, onTrack: 0, atRisk: 0, offTrack: 0, noCheckIn: 0, checkInsDue: 0 },
    objectives: [],
    keyResults: [],
    trends: [],
    effortShares: [],
    headline: null,
    headlineHistory: [],
    outcomes: null,
    noWork: [],
    outputWithoutOutcome: [],
    checkInsDue: [],
  };
}
