import {
  ALIGNMENT_POINTS_LIMIT,
  buildBm25Index,
  isOpenStatus,
  type AlignmentQuery,
  type LeanScoredItem,
  type LiveBacklog,
  type AlignmentReport,
  type SuggestedLink,
} from '@keyline/shared';
import { In, IsNull } from 'typeorm';
import type { Database } from '../../db/database';
import { notFound } from '../../http/app-error';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { CycleEntity } from '../cycles/cycle.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { ObjectiveEntity } from '../objectives/objective.entity';
import type { LiveScores, ScoreView } from '../scoring/live-scores';

/** The alignment view's figures and the suggested links, from the live scores. */
export class AlignmentService {
  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
  ) {}

  /**
   * The figures come from the live backlog (sums kept up to date by every
   * write, see shared/src/scoring/live); names, titles and the cycle are read
   * fresh. The dashboard asks without `points`: it shows none, and titling up
   * to 2,000 plotted items is most of a report's reading.
   */
  async report(query: AlignmentQuery, options: { points?: boolean } = {}): Promise<AlignmentReport> {
    return this.reportFrom(await this.scores.current(), query, options);
  }

  /** The report from scores the caller already holds, so its other figures agree with it. */
  async reportFrom(
    view: ScoreView,
    query: AlignmentQuery,
    options: { points?: boolean } = {},
  ): Promise<AlignmentReport> {
    const { cycle, cycleObjectives, cycleKrs } = await this.db.read(async (m) => {
      const found = query.cycleId
        ? await m.findOneBy(CycleEntity, { id: query.cycleId })
        : await m.findOne(CycleEntity, { where: { status: 'active' } });
      const objectives = found
        ? await m.find(ObjectiveEntity, {
            where: { cycleId: found.id, deletedAt: IsNull() },
            select: { id: true, title: true },
          })
        : [];
      const krs = objectives.length
        ? await m.find(KeyResultEntity, {
            where: { objectiveId: In(objectives.map((o) => o.id)), deletedAt: IsNull() },
            select: { id: true, title: true },
          })
        : [];
      return { cycle: found, cycleObjectives: objectives, cycleKrs: krs };
    });
    if (query.cycleId && !cycle) throw notFound('Cycle');
    const { backlog } = view;
    const figures = backlog.figures(cycle?.id ?? null, query.teamId ?? null);
    const plottable = options.points === false ? undefined : plottableItems(backlog, query.teamId ?? null);
    const points = plottable?.items ?? [];
    const titles = await this.titlesOf(points.map((p) => p.id));
    const objectiveTitle = new Map(cycleObjectives.map((o) => [o.id, o.title]));
    const krTitle = new Map(cycleKrs.map((k) => [k.id, k.title]));
    const { headline } = figures;

    return {
      cycle: cycle
        ? { id: cycle.id, name: cycle.name, status: cycle.status, startsOn: cycle.startsOn, endsOn: cycle.endsOn }
        : null,
      teamId: query.teamId ?? null,
      asOf: view.asOf,
      headline: headline && {
        openEffort: headline.openEffort,
        misalignedEffort: headline.misalignedEffort,
        misalignedEffortShare: headline.misalignedEffortShare,
        openItemsWithoutEffort: headline.openItemsWithoutEffort,
        krCoverage: headline.krCoverage,
      },
      objectives: (headline?.objectives ?? []).map((o) => ({ ...o, title: objectiveTitle.get(o.objectiveId) ?? '' })),
      keyResultFlags: figures.keyResultFlags
        .filter((f) => krTitle.has(f.keyResultId))
        .map((f) => ({ ...f, title: krTitle.get(f.keyResultId) ?? '' })),
      flagCounts: { ...figures.flagCounts },
      flaggedItems: figures.flaggedItems,
      openItems: figures.openItems,
      points: points.map((p) => ({
        id: p.id,
        title: titles.get(p.id) ?? '',
        valueScore: p.valueScore as number,
        effort: p.effort as number,
        aligned: p.terms.length > 0,
        flags: backlog.flagCodes(p.id),
      })),
      pointsTotal: plottable?.total ?? figures.plottable,
    };
  }

  /** Up to 5 KRs of the active cycle whose text is closest to the item's, not already linked. */
  async suggestedLinks(itemId: string): Promise<SuggestedLink[]> {
    return this.db.read(async (m) => {
      const item = await m.findOneBy(BacklogItemEntity, { id: itemId });
      if (!item) throw notFound('Backlog item');
      const active = await m.findOneBy(CycleEntity, { status: 'active' });
      if (!active) return [];
      const objectives = await m.findBy(ObjectiveEntity, { cycleId: active.id, deletedAt: IsNull() });
      if (objectives.length === 0) return [];
      const krs = await m.findBy(KeyResultEntity, {
        objectiveId: In(objectives.map((o) => o.id)),
        deletedAt: IsNull(),
      });
      const linked = new Set((await m.findBy(BacklogLinkEntity, { itemId })).map((l) => l.keyResultId));
      const objectiveOf = new Map(objectives.map((o) => [o.id, o]));
      const candidates = krs.filter((k) => !linked.has(k.id));
      const index = buildBm25Index(
        candidates.map((k) => {
          const o = objectiveOf.get(k.objectiveId);
          return { id: k.id, text: `${k.title} ${k.title} ${o?.title ?? ''} ${o?.description ?? ''}` };
        }),
      );
      const byId = new Map(candidates.map((k) => [k.id, k]));
      return index.rank(`${item.title} ${item.description} ${(item.labels ?? []).join(' ')}`, 5).map((s) => {
        const kr = byId.get(s.id) as KeyResultEntity;
        return {
          keyResultId: kr.id,
          title: kr.title,
          objectiveId: kr.objectiveId,
          objectiveTitle: objectiveOf.get(kr.objectiveId)?.title ?? '',
          score: s.score,
          matched: s.matched,
        };
      });
    });
  }

  private async titlesOf(ids: string[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db.read((m) =>
        m.find(BacklogItemEntity, { where: { id: In(ids.slice(i, i + 1000)) }, select: { id: true, title: true } }),
      );
      for (const r of rows) titles.set(r.id, r.title);
    }
    return titles;
  }
}

/** The open items the value × effort chart can plot (a value score, a positive effort), highest value first, up to the limit. */
function plottableItems(backlog: LiveBacklog, teamId: string | null): { items: LeanScoredItem[]; total: number } {
  const items: LeanScoredItem[] = [];
  let total = 0;
  for (const item of backlog.itemsInValueOrder()) {
    if (!isOpenStatus(item.status) || (teamId !== null && item.teamId !== teamId)) continue;
    if (item.valueScore === null || item.effort === null || !(item.effort > 0)) continue;
    total++;
    if (items.length < ALIGNMENT_POINTS_LIMIT) items.push(item);
  }
  return { items, total };
}
