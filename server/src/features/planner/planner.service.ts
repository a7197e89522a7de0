import {
  byRank,
  fillCapacity,
  isOpenStatus,
  summarizePlan,
  type ApplyPlanInput,
  type ApplyPlanResult,
  type Plan,
  type PlannerQuery,
  type PlannerResult,
  type PlanRow,
  type LeanScoredItem,
} from '@keyline/shared';
import { In, IsNull, Not } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { AppError, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { RANK_STEP } from '../backlog/backlog-rank';
import { CycleEntity } from '../cycles/cycle.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { ObjectiveEntity } from '../objectives/objective.entity';
import type { LiveScores } from '../scoring/live-scores';

const NEEDS_ESTIMATE_LIMIT = 100;
type ScoredItem = LeanScoredItem;
const hasEffort = (item: ScoredItem) => item.effort !== null && Number.isFinite(item.effort) && item.effort > 0;

/**
 * The what-if planner. Reading a plan writes nothing; only `apply` does,
 * and it only re-ranks: the chosen items go to the top in the chosen order.
 */
export class PlannerService {
  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
  ) {}

  async plan(query: PlannerQuery): Promise<PlannerResult> {
    // The scores first: on SQLite a read inside a read would wait for itself.
    const view = await this.scores.current();
    const cycle = await this.db.read((m) =>
      query.cycleId ? m.findOneBy(CycleEntity, { id: query.cycleId }) : m.findOneBy(CycleEntity, { status: 'active' }),
    );
    if (query.cycleId && !cycle) throw notFound('Cycle');
    const context = view.backlog.context;

    // Candidates: open items in scope, in value order, minus the excluded.
    const excluded = new Set(query.exclude ?? []);
    const inScope = view.backlog
      .itemsInValueOrder()
      .filter((i) => isOpenStatus(i.status) && (!query.teamId || i.teamId === query.teamId));
    const scopeIds = new Set(inScope.map((i) => i.id));
    const candidates = inScope.filter((i) => !excluded.has(i.id));
    const byId = new Map(candidates.map((i) => [i.id, i]));
    const forced = (query.include ?? []).map((id) => byId.get(id)).filter((i): i is ScoredItem => i !== undefined);
    const ignoredIds = [...(query.include ?? []), ...(query.exclude ?? [])].filter((id) => !scopeIds.has(id));

    const valueFill = fillCapacity(candidates, query.capacity, forced);
    const rankFill = fillCapacity(byRank(candidates), query.capacity, forced);
    const needsEstimate = candidates.filter((i) => !hasEffort(i));

    const shownIds = [
      ...valueFill.planned.map((p) => p.id),
      ...valueFill.belowCut,
      ...rankFill.planned.map((p) => p.id),
      ...rankFill.belowCut,
      ...needsEstimate.slice(0, NEEDS_ESTIMATE_LIMIT).map((i) => i.id),
    ];
    const titles = await this.titlesOf([...new Set(shownIds)]);
    const krInfo = cycle
      ? await this.keyResultsOf(cycle.id)
      : new Map<string, { title: string; objectiveId: string }>();
    const objectiveTitles = cycle ? await this.objectiveTitlesOf(cycle.id) : new Map<string, string>();
    const row = (item: ScoredItem, isForced = false): PlanRow => ({
      id: item.id,
      title: titles.get(item.id) ?? '',
      effort: item.effort ?? 0,
      valueScore: item.valueScore,
      rank: item.rank ?? 0,
      forced: isForced,
    });
    const build = (fill: ReturnType<typeof fillCapacity>): Plan => {
      const planned = fill.planned.map((p) => byId.get(p.id) as ScoredItem);
      const summary = cycle ? summarizePlan(planned, context, cycle.id) : null;
      return {
        items: fill.planned.map((p) => row(byId.get(p.id) as ScoredItem, p.forced)),
        cutLine: fill.cut,
        belowCut: fill.belowCut.map((id) => row(byId.get(id) as ScoredItem)),
        capacity: query.capacity,
        usedEffort: fill.usedEffort,
        remainingCapacity: query.capacity - fill.usedEffort,
        objectives: (summary?.objectives ?? []).map((o) => ({ ...o, title: objectiveTitles.get(o.objectiveId) ?? '' })),
        coveredKeyResults: keyResultRows(summary?.coveredKeyResultIds ?? [], krInfo),
        uncoveredKeyResults: keyResultRows(summary?.uncoveredKeyResultIds ?? [], krInfo),
        // Without a cycle nothing can be aligned: all planned effort is misaligned.
        misalignedEffort: summary ? summary.misalignedEffort : fill.usedEffort,
        misalignedEffortShare: summary ? summary.misalignedEffortShare : fill.usedEffort > 0 ? 1 : null,
      };
    };

    return {
      cycle: cycle
        ? { id: cycle.id, name: cycle.name, status: cycle.status, startsOn: cycle.startsOn, endsOn: cycle.endsOn }
        : null,
      teamId: query.teamId ?? null,
      capacity: query.capacity,
      asOf: view.asOf,
      byValue: build(valueFill),
      byRank: build(rankFill),
      needsEstimate: needsEstimate.slice(0, NEEDS_ESTIMATE_LIMIT).map((i) => {
        const { effort: _effort, ...rest } = row(i);
        return rest;
      }),
      needsEstimateTotal: needsEstimate.length,
      ignoredIds,
    };
  }

  /**
   * The plan becomes the backlog's order: these items take the top ranks in
   * this order, above everything else; no other item's rank changes, so the
   * rest keep their order. One transaction, one audit event per moved item.
   */
  apply(actor: Actor, input: ApplyPlanInput): Promise<ApplyPlanResult> {
    return this.db.write(async (m) => {
      const rows = await m.find(BacklogItemEntity, {
        where: { id: In(input.itemIds) },
        select: { id: true, rank: true },
      });
      const found = new Set(rows.map((r) => r.id));
      const missing = input.itemIds.flatMap((id, index) => (found.has(id) ? [] : [index]));
      if (missing.length) {
        throw new AppError('VALIDATION_FAILED', `itemIds.${missing[0]}: No such backlog item`, {
          issues: missing.map((index) => ({ path: ['itemIds', index], message: 'No such backlog item' })),
        });
      }
      const rankBefore = new Map(rows.map((r) => [r.id, r.rank]));
      const top = await m
        .createQueryBuilder(BacklogItemEntity, 'i')
        .select('MIN(i.rank)', 'min')
        .where({ id: Not(In(input.itemIds)) })
        .getRawOne<{ min: number | string | null }>();
      const n = input.itemIds.length;
      const above = top?.min === null || top?.min === undefined ? (n + 1) * RANK_STEP : Number(top.min);
      const now = nowIso();
      const result: ApplyPlanResult['items'] = [];
      for (const [index, id] of input.itemIds.entries()) {
        const rank = above - (n - index) * RANK_STEP;
        await m
          .createQueryBuilder()
          .update(BacklogItemEntity)
          .set({ rank, updatedAt: now, version: () => 'version + 1' })
          .where('id = :id', { id })
          .execute();
        const after = await m.findOneOrFail(BacklogItemEntity, {
          where: { id },
          select: { id: true, rank: true, version: true },
        });
        await recordAudit(
          m,
          actor,
          'backlogItem',
          id,
          'update',
          { rank: rankBefore.get(id) },
          { rank, plannedPosition: index + 1 },
        );
        result.push({ id, rank: after.rank, version: after.version });
      }
      return { items: result };
    });
  }

  private async titlesOf(ids: string[]): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const rows = await this.db.read((m) =>
        m.find(BacklogItemEntity, { where: { id: In(chunk) }, select: { id: true, title: true } }),
      );
      for (const r of rows) titles.set(r.id, r.title);
    }
    return titles;
  }

  private keyResultsOf(cycleId: string): Promise<Map<string, { title: string; objectiveId: string }>> {
    return this.db.read(async (m) => {
      const rows = await m
        .createQueryBuilder(KeyResultEntity, 'kr')
        .innerJoin(ObjectiveEntity, 'o', 'o.id = kr.objectiveId')
        .select('kr.id', 'id')
        .addSelect('kr.title', 'title')
        .addSelect('kr.objectiveId', 'objectiveId')
        .where('o.cycleId = :cycleId', { cycleId })
        .getRawMany<{ id: string; title: string; objectiveId: string }>();
      return new Map(rows.map((r) => [r.id, { title: r.title, objectiveId: r.objectiveId }]));
    });
  }

  private objectiveTitlesOf(cycleId: string): Promise<Map<string, string>> {
    return this.db.read(async (m) => {
      const rows = await m.find(ObjectiveEntity, {
        where: { cycleId, deletedAt: IsNull() },
        select: { id: true, title: true },
      });
      return new Map(rows.map((r) => [r.id, r.title]));
    });
  }
}

function keyResultRows(ids: string[], info: Map<string, { title: string; objectiveId: string }>) {
  return ids.flatMap((id) => {
    const kr = info.get(id);
    return kr ? [{ keyResultId: id, title: kr.title, objectiveId: kr.objectiveId }] : [];
  });
}
