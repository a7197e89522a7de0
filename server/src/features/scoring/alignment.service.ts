import {
  ALIGNMENT_POINTS_LIMIT,
  buildBm25Index,
  buildScoringContext,
  computeHeadline,
  flagKeyResults,
  OPEN_STATUSES,
  type AlignmentQuery,
  type AlignmentReport,
  type ScoredItem,
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
import type { ScoringSnapshot, ScoringSnapshotService } from './scoring-snapshot';

const isOpen = (item: ScoredItem) => (OPEN_STATUSES as readonly string[]).includes(item.status);

/** The alignment view's figures and the suggested links, from the scoring snapshot. */
export class AlignmentService {
  constructor(
    private readonly db: Database,
    private readonly scoring: ScoringSnapshotService,
  ) {}

  /** Reports computed from one snapshot, per query: the dashboard and the alignment view re-read them often. */
  private readonly reports = new WeakMap<ScoringSnapshot, Map<string, Promise<AlignmentReport>>>();

  /**
   * Cached per scoring snapshot and write generation (nothing they read has
   * changed while both are the same). Callers share the result: read-only.
   */
  async report(query: AlignmentQuery): Promise<AlignmentReport> {
    const snapshot = await this.scoring.get();
    const key = `${this.db.generation}|${query.cycleId ?? ''}|${query.teamId ?? ''}`;
    let cached = this.reports.get(snapshot);
    if (!cached) this.reports.set(snapshot, (cached = new Map()));
    const hit = cached.get(key);
    if (hit) return hit;
    if (cached.size > 100) cached.clear();
    const report = this.buildReport(query, snapshot);
    cached.set(key, report);
    report.catch(() => cached.delete(key));
    return report;
  }

  private async buildReport(query: AlignmentQuery, snapshot: ScoringSnapshot): Promise<AlignmentReport> {
    const cycle = await this.db.read((m) =>
      query.cycleId ? m.findOneBy(CycleEntity, { id: query.cycleId }) : m.findOne(CycleEntity, { where: { status: 'active' } }),
    );
    if (query.cycleId && !cycle) throw notFound('Cycle');
    const items = query.teamId ? snapshot.result.items.filter((i) => i.teamId === query.teamId) : snapshot.result.items;
    const open = items.filter(isOpen);
    const flagCounts: Record<string, number> = {};
    let flaggedItems = 0;
    for (const item of open) {
      if (item.flags.length) flaggedItems++;
      for (const f of item.flags) flagCounts[f.code] = (flagCounts[f.code] ?? 0) + 1;
    }
    const pointsAll = open.filter((i) => i.valueScore !== null && i.effort !== null && i.effort > 0);
    const points = pointsAll.slice(0, ALIGNMENT_POINTS_LIMIT);

    const context = buildScoringContext({ ...snapshot.structure, settings: snapshot.settings, asOf: snapshot.asOf });
    const headline = cycle ? computeHeadline(items, context, cycle.id) : null;
    const cycleObjectives = cycle ? await this.db.read((m) => m.findBy(ObjectiveEntity, { cycleId: cycle.id, deletedAt: IsNull() })) : [];
    const objectiveIds = new Set(cycleObjectives.map((o) => o.id));
    const cycleKrs = cycle
      ? await this.db.read((m) => m.findBy(KeyResultEntity, { objectiveId: In([...objectiveIds]), deletedAt: IsNull() }))
      : [];
    const krTitle = new Map(cycleKrs.map((k) => [k.id, k.title]));
    const titles = await this.titlesOf(points.map((p) => p.id));

    return {
      cycle: cycle ? { id: cycle.id, name: cycle.name, status: cycle.status, startsOn: cycle.startsOn, endsOn: cycle.endsOn } : null,
      teamId: query.teamId ?? null,
      asOf: snapshot.asOf,
      headline: headline && {
        openEffort: headline.openEffort,
        misalignedEffort: headline.misalignedEffort,
        misalignedEffortShare: headline.misalignedEffortShare,
        openItemsWithoutEffort: headline.openItemsWithoutEffort,
        krCoverage: headline.krCoverage,
      },
      objectives: (headline?.objectives ?? []).map((o) => ({
        ...o,
        title: cycleObjectives.find((c) => c.id === o.objectiveId)?.title ?? '',
      })),
      keyResultFlags: flagKeyResults(items, context)
        .filter((f) => krTitle.has(f.keyResultId))
        .map((f) => ({ ...f, title: krTitle.get(f.keyResultId) ?? '' })),
      flagCounts,
      flaggedItems,
      openItems: open.length,
      points: points.map((p) => ({
        id: p.id,
        title: titles.get(p.id) ?? '',
        valueScore: p.valueScore as number,
        effort: p.effort as number,
        aligned: p.breakdown.alignment.terms.length > 0,
        flags: p.flags.map((f) => f.code),
      })),
      pointsTotal: pointsAll.length,
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
      const krs = await m.findBy(KeyResultEntity, { objectiveId: In(objectives.map((o) => o.id)), deletedAt: IsNull() });
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
