import { In } from 'typeorm';
import type { BacklogListQuery, KeyResult, Objective } from '@keyline/shared';
import type { Database } from '../../db/database';
import { BacklogService } from '../backlog/backlog.service';
import { CycleService } from '../cycles/cycle.service';
import { CheckInEntity } from '../key-results/check-in.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { KeyResultService } from '../key-results/key-result.service';
import { ObjectiveService } from '../objectives/objective.service';
import type { LiveScores } from '../scoring/live-scores';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import type { CellValue } from './csv-cells';

export type BacklogExportQuery = Omit<BacklogListQuery, 'limit' | 'cursor'>;

/** Column names match what the import recognises, so an exported file imports back. */
export const BACKLOG_COLUMNS = [
  'Position',
  'Key',
  'Title',
  'Type',
  'Status',
  'Team',
  'Labels',
  'Key results',
  'Value score',
  'Flags',
  'Reach',
  'Impact',
  'Confidence',
  'Effort (pts)',
  'Business value',
  'Time criticality',
  'Risk reduction',
  'Job size',
  'Ease',
  'Description',
  'Created',
  'Updated',
  'Id',
];

export const OKR_COLUMNS = [
  'Cycle',
  'Objective',
  'Parent objective',
  'Team',
  'Objective weight',
  'Objective progress (%)',
  'Key result',
  'Metric type',
  'Start',
  'Target',
  'Current',
  'Unit',
  'KR weight',
  'KR progress (%)',
  'Check-in date',
  'Check-in value',
  'Confidence (0-10)',
  'Note',
  'Author',
];

// Larger than the API's 500: fewer offset scans on a 100,000-item export, still bounded memory.
const PAGE = 2000;

/** CSV exports: read through the same services the screens use, so filters and scores match what the user sees. */
export class ExportService {
  // Stateless services of their own; the live scores are the shared ones.
  private readonly backlog: BacklogService;
  private readonly cycles: CycleService;
  private readonly objectives: ObjectiveService;
  private readonly keyResults: KeyResultService;

  constructor(
    private readonly db: Database,
    scores: LiveScores,
  ) {
    this.backlog = new BacklogService(db, scores);
    this.cycles = new CycleService(db);
    this.objectives = new ObjectiveService(db);
    this.keyResults = new KeyResultService(db);
  }

  /** The backlog list with its filters and sort, page by page, with KR titles, value score and flags. */
  async *backlogRows(query: BacklogExportQuery): AsyncGenerator<CellValue[][]> {
    const { teams, krTitles } = await this.db.read(async (m) => ({
      teams: new Map((await m.find(TeamEntity, { select: { id: true, name: true } })).map((t) => [t.id, t.name])),
      krTitles: new Map(
        (await m.find(KeyResultEntity, { select: { id: true, title: true, deletedAt: true } })).map((k) => [
          k.id,
          k.deletedAt ? `${k.title} (deleted)` : k.title,
        ]),
      ),
    }));
    let position = 0;
    for (let cursor: string | undefined, more = true; more;) {
      const page = await this.backlog.list({ ...query, limit: PAGE, cursor });
      yield page.items.map((item) => [
        ++position,
        item.externalKey,
        item.title,
        item.type,
        item.status,
        item.teamId ? (teams.get(item.teamId) ?? '') : '',
        item.labels.join(', '),
        item.links.map((l) => krTitles.get(l.keyResultId) ?? 'Unknown key result').join('; '),
        item.valueScore === null ? null : round(item.valueScore, 2),
        item.flags.map((f) => f.message).join('; '),
        item.reach,
        item.impact,
        item.confidence,
        item.effort,
        item.businessValue,
        item.timeCriticality,
        item.riskReduction,
        item.jobSize,
        item.ease,
        item.description,
        item.createdAt,
        item.updatedAt,
        item.id,
      ]);
      cursor = page.nextCursor ?? undefined;
      more = page.nextCursor !== null;
    }
  }

  /** The cycle asked for, else the active one, else the latest; null when there are no cycles. */
  async chooseCycle(cycleId: string | undefined): Promise<{ id: string; name: string } | null> {
    if (cycleId) return this.cycles.get(cycleId);
    const all = await this.cycles.list();
    return all.find((c) => c.status === 'active') ?? all[0] ?? null;
  }

  /** One row per check-in; a KR without check-ins and an objective without KRs get one row each. */
  async *okrRows(cycle: { id: string; name: string } | null): AsyncGenerator<CellValue[][]> {
    if (!cycle) return;
    const objectives = treeOrder(await this.objectives.list({ cycleId: cycle.id }));
    const krs = await this.keyResults.list({ cycleId: cycle.id });
    const { checkIns, teams, authors } = await this.db.read(async (m) => {
      const list = krs.length
        ? await m.find(CheckInEntity, {
            where: { keyResultId: In(krs.map((k) => k.id)) },
            order: { at: 'ASC', createdAt: 'ASC' },
          })
        : [];
      return {
        checkIns: list,
        teams: new Map((await m.find(TeamEntity, { select: { id: true, name: true } })).map((t) => [t.id, t.name])),
        authors: new Map((await m.find(UserEntity, { select: { id: true, name: true } })).map((u) => [u.id, u.name])),
      };
    });
    const titles = new Map(objectives.map((o) => [o.id, o.title]));
    const rows: CellValue[][] = [];
    for (const o of objectives) {
      const objective: CellValue[] = [
        cycle.name,
        o.title,
        o.parentId ? (titles.get(o.parentId) ?? '') : '',
        o.teamId ? (teams.get(o.teamId) ?? '') : 'Company',
        o.weight,
        percent(o.progress),
      ];
      const own = krs.filter((k) => k.objectiveId === o.id);
      if (own.length === 0) rows.push([...objective, ...blank(13)]);
      for (const kr of own) {
        const krCells = krColumns(kr);
        const history = checkIns.filter((c) => c.keyResultId === kr.id);
        if (history.length === 0) rows.push([...objective, ...krCells, ...blank(5)]);
        for (const c of history) {
          rows.push([
            ...objective,
            ...krCells,
            c.at,
            c.value,
            c.confidence,
            c.note,
            c.authorId ? (authors.get(c.authorId) ?? '') : '',
          ]);
        }
      }
    }
    yield rows;
  }
}

function krColumns(kr: KeyResult): CellValue[] {
  return [
    kr.title,
    kr.metricType,
    kr.startValue,
    kr.targetValue,
    kr.currentValue,
    kr.unit,
    kr.weight,
    percent(kr.progress),
  ];
}

/** Company objectives first, each followed by the team objectives that ladder up to it. */
function treeOrder(objectives: Objective[]): Objective[] {
  const ids = new Set(objectives.map((o) => o.id));
  const children = new Map<string | null, Objective[]>();
  for (const o of objectives) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const ordered: Objective[] = [];
  const visit = (parent: string | null) => {
    for (const o of children.get(parent) ?? []) {
      ordered.push(o);
      visit(o.id);
    }
  };
  visit(null);
  return ordered;
}

const blank = (n: number): CellValue[] => Array.from({ length: n }, () => null);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (fraction: number | null) => (fraction === null ? null : round(fraction * 100, 1));
