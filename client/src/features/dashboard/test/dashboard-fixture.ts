import type { Dashboard, DashboardKeyResult } from '@keyline/shared';

// Hand-made dashboards for the dashboard's unit and component tests.
export const ids = {
  o1: '10000000-0000-4000-8000-000000000001',
  o2: '10000000-0000-4000-8000-000000000002',
  kr1: '20000000-0000-4000-8000-000000000001',
  kr2: '20000000-0000-4000-8000-000000000002',
  kr3: '20000000-0000-4000-8000-000000000003',
};

export function buildDashboardKr(overrides: Partial<DashboardKeyResult>): DashboardKeyResult {
  return {
    id: ids.kr1,
    objectiveId: ids.o1,
    title: 'Trial to paid',
    metricType: 'percent',
    unit: '%',
    startValue: 4,
    targetValue: 6,
    currentValue: 5,
    weight: 1,
    progress: 0.5,
    expectedProgress: 0.6,
    confidence: 6,
    lastCheckInAt: '2026-11-20T09:00:00.000Z',
    checkInDue: false,
    status: 'at-risk',
    atRisk: true,
    atRiskReasons: ['behind-pace'],
    grade: null,
    gradeBand: null,
    openItemCount: 2,
    carriedFromId: null,
    ...overrides,
  };
}

/** Q4 2026, read on 27 Nov: one KR behind, one on track with a grade, one never checked in. */
export function buildDashboard(): Dashboard {
  const behind = buildDashboardKr({ id: ids.kr1, title: 'Trial to paid', status: 'off-track', progress: 0.25, confidence: 3, atRiskReasons: ['behind-pace', 'low-confidence'] });
  const fine = buildDashboardKr({
    id: ids.kr2,
    title: 'Tickets per week',
    unit: 'tickets',
    metricType: 'number',
    startValue: 40,
    targetValue: 20,
    currentValue: 28,
    progress: 0.6,
    status: 'on-track',
    atRisk: false,
    atRiskReasons: [],
    confidence: 8,
    grade: 0.7,
    gradeBand: 'green',
  });
  const silent = buildDashboardKr({
    id: ids.kr3,
    objectiveId: ids.o2,
    title: 'NPS',
    progress: 0,
    currentValue: 4,
    confidence: null,
    lastCheckInAt: null,
    status: 'no-check-in',
    atRisk: true,
    atRiskReasons: ['behind-pace'],
    checkInDue: true,
  });
  return {
    cycle: { id: '30000000-0000-4000-8000-000000000001', name: '2026-Q4', status: 'active', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    teamId: null,
    asOf: '2026-11-27T09:00:00.000Z',
    checkInCadenceDays: 7,
    summary: { objectives: 2, keyResults: 3, onTrack: 1, atRisk: 0, offTrack: 1, noCheckIn: 1, checkInsDue: 1 },
    objectives: [
      {
        id: ids.o1,
        title: 'Grow revenue',
        parentId: null,
        teamId: null,
        weight: 2,
        progress: 0.425,
        expectedProgress: 0.63,
        worstConfidence: 3,
        meanConfidence: 5.5,
        grade: null,
        gradeBand: null,
        status: 'off-track',
        latestNote: { text: 'Pricing test slipped', at: '2026-11-20T09:00:00.000Z', keyResultId: ids.kr1 },
        keyResultIds: [ids.kr1, ids.kr2],
      },
      {
        id: ids.o2,
        title: 'Happier customers',
        parentId: null,
        teamId: null,
        weight: 1,
        progress: 0,
        expectedProgress: 0.63,
        worstConfidence: null,
        meanConfidence: null,
        grade: null,
        gradeBand: null,
        status: 'no-check-in',
        latestNote: null,
        keyResultIds: [ids.kr3],
      },
    ],
    keyResults: [behind, silent, fine],
    trends: [
      {
        keyResultId: ids.kr1,
        title: 'Trial to paid',
        unit: '%',
        startValue: 4,
        targetValue: 6,
        points: [
          { at: '2026-10-15T09:00:00.000Z', value: 4.2, confidence: 5, note: '' },
          { at: '2026-11-20T09:00:00.000Z', value: 4.5, confidence: 3, note: 'Pricing test slipped' },
        ],
        expectedLine: { from: { at: '2026-10-01T00:00:00.000Z', value: 4 }, to: { at: '2027-01-01T00:00:00.000Z', value: 6 } },
      },
      {
        keyResultId: ids.kr2,
        title: 'Tickets per week',
        unit: 'tickets',
        startValue: 40,
        targetValue: 20,
        points: [{ at: '2026-11-01T09:00:00.000Z', value: 28, confidence: 8, note: '' }],
        expectedLine: { from: { at: '2026-10-01T00:00:00.000Z', value: 40 }, to: { at: '2027-01-01T00:00:00.000Z', value: 20 } },
      },
      {
        keyResultId: ids.kr3,
        title: 'NPS',
        unit: '%',
        startValue: 4,
        targetValue: 6,
        points: [],
        expectedLine: { from: { at: '2026-10-01T00:00:00.000Z', value: 4 }, to: { at: '2027-01-01T00:00:00.000Z', value: 6 } },
      },
    ],
    effortShares: [
      { objectiveId: ids.o1, title: 'Grow revenue', parentId: null, level: 0, weightShare: 2 / 3, effort: 30, effortShare: 0.5 },
      { objectiveId: ids.o2, title: 'Happier customers', parentId: null, level: 0, weightShare: 1 / 3, effort: 6, effortShare: 0.1 },
    ],
    headline: { openEffort: 60, misalignedEffort: 24, misalignedEffortShare: 0.4, openItemsWithoutEffort: 3, krCoverage: { covered: 2, total: 3, share: 2 / 3 } },
    headlineHistory: [
      { recordedAt: '2026-10-01T00:00:00.000Z', reason: 'daily', misalignedEffortShare: 0.3, krCoverageShare: 0.5, openEffort: 50 },
      { recordedAt: '2026-10-02T00:00:00.000Z', reason: 'daily', misalignedEffortShare: null, krCoverageShare: null, openEffort: 0 },
      { recordedAt: '2026-11-27T00:00:00.000Z', reason: 'check-in', misalignedEffortShare: 0.4, krCoverageShare: 2 / 3, openEffort: 60 },
    ],
    noWork: [{ keyResultId: ids.kr3, title: 'NPS', message: 'Behind pace with no open backlog item linked.' }],
    outputWithoutOutcome: [],
    checkInsDue: [{ keyResultId: ids.kr3, title: 'NPS', objectiveId: ids.o2, lastCheckInAt: null, dueSince: '2026-10-08T00:00:00.000Z' }],
  };
}
