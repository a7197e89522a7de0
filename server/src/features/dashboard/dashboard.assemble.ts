import {
  checkInDueAt,
  gradeBand,
  keyResultStatus,
  objectiveGrade,
  outputWithoutOutcome,
  statusSeverity,
  thinSeries,
  weightedProgress,
  worstStatus,
  type AlignmentReport,
  type Dashboard,
  type DashboardKeyResult,
  type DashboardObjective,
  type HeadlineHistoryPoint,
  type KeyResult,
  type KeyResultTrend,
  type OutputWithoutOutcome,
  DAY_MS,
} from '@keyline/shared';

/** What the dashboard reads from the database for one cycle (and team). */
export interface QuarterData {
  cycle: { id: string; name: string; status: 'planning' | 'active' | 'closed'; startsOn: string; endsOn: string };
  objectives: { id: string; title: string; parentId: string | null; teamId: string | null; weight: number }[];
  keyResults: KeyResult[];
  /** In the order of the moments they are for (`at`), oldest first. */
  checkIns: readonly {
    keyResultId: string;
    value: number;
    confidence: number;
    note: string;
    at: string;
    createdAt: string;
  }[];
  /** Per KR, every backlog item linked to it, with when it became done (KRs without links may be missing). */
  linkedItems: ReadonlyMap<string, readonly { status: string; doneAt: string | null }[]>;
  cadenceDays: number;
}

const endOfCycle = (endsOn: string) => new Date(Date.parse(`${endsOn}T00:00:00.000Z`) + DAY_MS).toISOString();

/** Pure assembly of the dashboard document from loaded rows, the alignment report and the recorded history. */
export function assembleDashboard(
  data: QuarterData,
  report: AlignmentReport,
  history: readonly HeadlineHistoryPoint[],
  teamId: string | null,
  expected: number | null,
): Omit<Dashboard, 'outcomes'> {
  const checkInsOf = groupBy(data.checkIns, (c) => c.keyResultId);
  const order = new Map(data.keyResults.map((kr, i) => [kr.id, i]));

  const keyResults: DashboardKeyResult[] = data.keyResults
    .map((kr) => {
      const status = keyResultStatus(kr, expected);
      return {
        id: kr.id,
        objectiveId: kr.objectiveId,
        title: kr.title,
        metricType: kr.metricType,
        unit: kr.unit,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
        currentValue: kr.currentValue,
        weight: kr.weight,
        progress: kr.progress,
        expectedProgress: expected,
        confidence: kr.latestConfidence,
        lastCheckInAt: kr.lastCheckInAt,
        checkInDue: kr.checkInDue,
        status: status.status,
        atRisk: status.atRisk,
        atRiskReasons: status.reasons,
        grade: kr.grade,
        gradeBand: kr.gradeBand,
        openItemCount: kr.openItemCount,
        carriedFromId: kr.carriedFromId,
      };
    })
    .sort(
      (a, b) =>
        Number(b.atRisk) - Number(a.atRisk) ||
        statusSeverity(a.status) - statusSeverity(b.status) ||
        (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
    );

  const objectives = data.objectives
    .map((o, index) => ({ index, dto: objectiveOf(o, keyResults, data, checkInsOf, expected) }))
    .sort((a, b) => statusSeverity(a.dto.status) - statusSeverity(b.dto.status) || a.index - b.index)
    .map((o) => o.dto);

  const shown = new Set(keyResults.map((k) => k.id));
  const titleOf = new Map(keyResults.map((k) => [k.id, k.title]));
  const count = (status: string) => keyResults.filter((k) => k.status === status).length;

  return {
    cycle: {
      id: data.cycle.id,
      name: data.cycle.name,
      status: data.cycle.status,
      startsOn: data.cycle.startsOn,
      endsOn: data.cycle.endsOn,
    },
    teamId,
    asOf: report.asOf,
    checkInCadenceDays: data.cadenceDays,
    summary: {
      objectives: objectives.length,
      keyResults: keyResults.length,
      onTrack: count('on-track'),
      atRisk: count('at-risk'),
      offTrack: count('off-track'),
      noCheckIn: count('no-check-in'),
      checkInsDue: keyResults.filter((k) => k.checkInDue).length,
    },
    objectives,
    keyResults,
    trends: keyResults.map((kr) => trendOf(kr, checkInsOf.get(kr.id) ?? [], data.cycle)),
    effortShares: report.objectives.map((o) => ({
      objectiveId: o.objectiveId,
      title: o.title,
      parentId: o.parentId,
      level: o.level,
      weightShare: o.weightShare,
      effort: o.effort,
      effortShare: o.effortShare,
    })),
    headline: report.headline,
    headlineHistory: thinSeries(history, (h) => h.recordedAt),
    noWork: report.keyResultFlags
      .filter((f) => f.code === 'NO_WORK' && shown.has(f.keyResultId))
      .map((f) => ({ keyResultId: f.keyResultId, title: f.title, message: f.message })),
    outputWithoutOutcome: keyResults.flatMap((kr) => {
      const gap = outcomeOf(kr, data.linkedItems.get(kr.id) ?? [], checkInsOf.get(kr.id) ?? []);
      return gap ? [gap] : [];
    }),
    checkInsDue: data.keyResults
      .filter((kr) => kr.checkInDue)
      .map((kr) => ({
        keyResultId: kr.id,
        title: titleOf.get(kr.id) ?? kr.title,
        objectiveId: kr.objectiveId,
        lastCheckInAt: kr.lastCheckInAt,
        dueSince:
          checkInDueAt(
            {
              cycleStatus: data.cycle.status,
              cycleStartsOn: data.cycle.startsOn,
              keyResultCreatedAt: kr.createdAt,
              lastCheckInAt: kr.lastCheckInAt,
            },
            data.cadenceDays,
          ) ?? kr.createdAt,
      }))
      .sort((a, b) => (a.dueSince < b.dueSince ? -1 : a.dueSince > b.dueSince ? 1 : 0)),
  };
}

function objectiveOf(
  o: QuarterData['objectives'][number],
  keyResults: DashboardKeyResult[],
  data: QuarterData,
  checkInsOf: Map<string, QuarterData['checkIns']>,
  expected: number | null,
): DashboardObjective {
  const krs = keyResults.filter((k) => k.objectiveId === o.id);
  const confidences = krs.map((k) => k.confidence).filter((c): c is number => c !== null);
  const grade = objectiveGrade(krs.map((k) => ({ grade: k.grade, weight: k.weight })));
  let latestNote: DashboardObjective['latestNote'] = null;
  for (const kr of krs) {
    for (const c of checkInsOf.get(kr.id) ?? []) {
      if (c.note.trim() && (!latestNote || c.at > latestNote.at))
        latestNote = { text: c.note, at: c.at, keyResultId: kr.id };
    }
  }
  return {
    id: o.id,
    title: o.title,
    parentId: o.parentId,
    teamId: o.teamId,
    weight: o.weight,
    progress: weightedProgress(krs.map((k) => ({ progress: k.progress, weight: k.weight }))),
    expectedProgress: krs.length ? expected : null,
    worstConfidence: confidences.length ? Math.min(...confidences) : null,
    meanConfidence: confidences.length ? confidences.reduce((s, c) => s + c, 0) / confidences.length : null,
    grade,
    gradeBand: grade === null ? null : gradeBand(grade),
    status: worstStatus(krs.map((k) => k.status)),
    latestNote,
    keyResultIds: krs.map((k) => k.id),
  };
}

function trendOf(
  kr: DashboardKeyResult,
  checkIns: QuarterData['checkIns'],
  cycle: QuarterData['cycle'],
): KeyResultTrend {
  return {
    keyResultId: kr.id,
    title: kr.title,
    unit: kr.unit,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    points: thinSeries(checkIns, (c) => c.at).map((c) => ({
      at: c.at,
      value: c.value,
      confidence: c.confidence,
      note: c.note,
    })),
    expectedLine: {
      from: { at: `${cycle.startsOn}T00:00:00.000Z`, value: kr.startValue },
      to: { at: endOfCycle(cycle.endsOn), value: kr.targetValue },
    },
  };
}

function outcomeOf(
  kr: DashboardKeyResult,
  links: readonly { status: string; doneAt: string | null }[],
  checkIns: QuarterData['checkIns'],
): OutputWithoutOutcome | null {
  const gap = outputWithoutOutcome({
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    currentValue: kr.currentValue,
    linkedItems: links,
    checkIns: checkIns.map((c) => ({ at: c.at, value: c.value })),
  });
  if (!gap) return null;
  return {
    keyResultId: kr.id,
    title: kr.title,
    ...gap,
    message: `${gap.doneItems} of ${gap.linkedItems} linked items are done, the first on ${gap.doneSince.slice(0, 10)}, yet this key result has not moved since. Check whether the work reached users, or whether it was the right work.`,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
