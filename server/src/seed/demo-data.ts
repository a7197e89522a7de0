import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { keyResultProgress, type ItemStatus, type ItemType } from '@keyline/shared';
import { freshKeyResultCode } from '../features/integrations/key-result-codes';
import { BacklogItemEntity } from '../features/backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../features/backlog/backlog-link.entity';
import { RANK_STEP } from '../features/backlog/backlog-rank';
import { CycleEntity } from '../features/cycles/cycle.entity';
import { HeadlineHistoryEntity } from '../features/dashboard/headline-history.entity';
import { CheckInEntity } from '../features/key-results/check-in.entity';
import { KeyResultEntity } from '../features/key-results/key-result.entity';
import { ObjectiveEntity } from '../features/objectives/objective.entity';
import { TeamEntity } from '../features/teams/team.entity';
import { UserEntity } from '../features/users/user.entity';
import { DEMO_OBJECTIVES, DEMO_TEAMS, ITEM_THEMES, type DemoKeyResult } from './demo-content';

/** Deterministic pseudo-random numbers, so every demo looks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function quarterOf(d: Date): { start: Date; end: Date; name: string } {
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0));
  return { start, end, name: `${d.getUTCFullYear()}-Q${q + 1}` };
}

/**
 * The demo organisation: last quarter (closed) and this quarter (active),
 * company objectives with team objectives beneath, 12 KRs per quarter with
 * weekly check-ins, and ~300 backlog items of which some serve no KR.
 */
export async function insertDemoOrganisation(
  m: EntityManager,
  adminId: string,
  memberHash: string,
  today: Date,
): Promise<void> {
  const rand = prng(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const now = today.toISOString();
  const stamp = { version: 1, createdAt: now, updatedAt: now };

  const members = [
    { name: 'Priya Patel', email: 'priya@keyline.local', role: 'editor' as const },
    { name: 'Jonas Berg', email: 'jonas@keyline.local', role: 'editor' as const },
    { name: 'Mei Chen', email: 'mei@keyline.local', role: 'viewer' as const },
  ];
  const userIds = [adminId];
  for (const member of members) {
    const id = randomUUID();
    userIds.push(id);
    await m.insert(UserEntity, { id, ...member, passwordHash: memberHash, disabled: false, ...stamp });
  }

  const teamIds = new Map<string, string>();
  for (const name of DEMO_TEAMS) {
    const id = randomUUID();
    teamIds.set(name, id);
    await m.insert(TeamEntity, { id, name, ...stamp });
  }

  const current = quarterOf(today);
  const previous = quarterOf(new Date(current.start.getTime() - 86_400_000));
  const activeKrIds: string[] = [];
  let activeCycleId = '';
  for (const [quarter, status] of [
    [previous, 'closed'],
    [current, 'active'],
  ] as const) {
    const cycleId = randomUUID();
    if (status === 'active') activeCycleId = cycleId;
    await m.insert(CycleEntity, {
      id: cycleId,
      name: quarter.name,
      startsOn: day(quarter.start),
      endsOn: day(quarter.end),
      status,
      ...stamp,
    });
    const asOf = status === 'closed' ? quarter.end : today;
    const elapsed = Math.min(
      1,
      (asOf.getTime() - quarter.start.getTime()) / (quarter.end.getTime() - quarter.start.getTime()),
    );
    const parentIds = new Map<string, string>();
    for (const objective of DEMO_OBJECTIVES) {
      const id = randomUUID();
      if (!objective.parent) parentIds.set(objective.key, id);
      await m.insert(ObjectiveEntity, {
        id,
        cycleId,
        title: objective.title,
        description: objective.description,
        teamId: objective.team ? (teamIds.get(objective.team) ?? null) : null,
        parentId: objective.parent ? (parentIds.get(objective.parent) ?? null) : null,
        ownerId: pick(userIds),
        weight: objective.weight,
        deletedAt: null,
        ...stamp,
      });
      for (const kr of objective.keyResults) {
        const krId = randomUUID();
        if (status === 'active') activeKrIds.push(krId);
        const checkIns = weeklyCheckIns(kr, quarter.start, asOf, elapsed * kr.pace, rand, userIds);
        const currentValue = checkIns.at(-1)?.value ?? kr.start;
        // Last quarter was graded at its close: the suggested grade (progress, to 0.1) and a retro note.
        const progress = keyResultProgress({ startValue: kr.start, targetValue: kr.target, currentValue });
        const graded =
          status === 'closed'
            ? {
                grade: Math.round(Math.min(1, Math.max(0, progress)) * 10) / 10,
                gradeNote: `Retro: ${kr.lastNote}`,
                gradedAt: quarter.end.toISOString(),
              }
            : {};
        await m.insert(KeyResultEntity, {
          id: krId,
          objectiveId: id,
          title: kr.title,
          metricType: kr.metricType,
          startValue: kr.start,
          targetValue: kr.target,
          currentValue,
          unit: kr.unit,
          weight: kr.weight,
          ownerId: pick(userIds),
          code: await freshKeyResultCode(m),
          deletedAt: null,
          ...graded,
          ...stamp,
        });
        for (const c of checkIns) await m.insert(CheckInEntity, { id: randomUUID(), keyResultId: krId, ...c });
      }
    }
  }

  await insertDemoBacklog(m, rand, [...teamIds.values()], activeKrIds, now);
  await insertDemoHeadlineHistory(m, activeCycleId, current.start, today, rand);
}

/**
 * Weeks of misaligned-effort history for the demo's active quarter, so the
 * dashboard's trend has a past on first start: the share drifts down towards
 * where the demo backlog stands today, as a team cleaning up would make it.
 * (Real installations record their own history at check-ins and daily.)
 */
async function insertDemoHeadlineHistory(
  m: EntityManager,
  cycleId: string,
  start: Date,
  today: Date,
  rand: () => number,
): Promise<void> {
  const weeks = Math.floor((today.getTime() - start.getTime()) / (7 * 86_400_000));
  for (let w = 0; w < weeks; w++) {
    const at = new Date(start.getTime() + w * 7 * 86_400_000 + 9 * 3_600_000);
    const weeksLeft = weeks - w;
    await m.insert(HeadlineHistoryEntity, {
      id: randomUUID(),
      cycleId,
      teamId: null,
      recordedAt: at.toISOString(),
      day: at.toISOString().slice(0, 10),
      reason: 'daily',
      misalignedEffortShare: Math.min(0.9, 0.39 + weeksLeft * 0.018 + (rand() - 0.5) * 0.02),
      krCoverageShare: Math.min(1, 0.75 + (w / Math.max(1, weeks)) * 0.25),
      openEffort: Math.round(1500 + weeksLeft * 40),
    });
  }
}

function weeklyCheckIns(
  kr: DemoKeyResult,
  start: Date,
  asOf: Date,
  finalProgress: number,
  rand: () => number,
  authors: string[],
): Omit<CheckInEntity, 'id' | 'keyResultId'>[] {
  const weeks = Math.floor((asOf.getTime() - start.getTime()) / (7 * 86_400_000));
  const result: Omit<CheckInEntity, 'id' | 'keyResultId'>[] = [];
  for (let w = 1; w <= weeks; w++) {
    const progress = (finalProgress * w) / weeks + (rand() - 0.5) * 0.05;
    const raw = kr.start + (kr.target - kr.start) * progress;
    const value = kr.metricType === 'milestone' ? (progress >= 1 ? 1 : 0) : Math.round(raw * 100) / 100;
    const confidence = Math.max(1, Math.min(10, Math.round(kr.pace * 7 + (rand() - 0.5) * 2)));
    const at = new Date(start.getTime() + w * 7 * 86_400_000 - 3 * 3_600_000);
    result.push({
      value,
      confidence,
      note: w === weeks ? kr.lastNote : '',
      authorId: authors[Math.floor(rand() * authors.length)] ?? null,
      at: at.toISOString(),
      createdAt: at.toISOString(),
    });
  }
  return result;
}

async function insertDemoBacklog(
  m: EntityManager,
  rand: () => number,
  teamIds: string[],
  krIds: string[],
  now: string,
): Promise<void> {
  const statuses: ItemStatus[] = ['idea', 'idea', 'ready', 'ready', 'ready', 'in-progress', 'done', 'dropped'];
  const types: ItemType[] = ['feature', 'feature', 'feature', 'bug', 'tech-debt', 'chore', 'experiment'];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const rows: BacklogItemEntity[] = [];
  const links: BacklogLinkEntity[] = [];
  for (let i = 0; i < 300; i++) {
    const theme = ITEM_THEMES[i % ITEM_THEMES.length]!;
    const subject = pick(theme.subjects);
    const id = randomUUID();
    // About one item in six has no estimate for some field: real backlogs are like that.
    const estimated = rand() > 0.15;
    rows.push({
      id,
      title: `${pick(theme.verbs)} ${subject}`,
      description: `${theme.why} (${subject}).`,
      type: pick(types),
      status: pick(statuses),
      teamId: pick(teamIds),
      rank: 0, // set below, once values are known
      reach: estimated ? Math.round(50 + rand() * 5000) : null,
      impact: pick([0.25, 0.5, 1, 2, 3]),
      confidence: pick([0.5, 0.8, 1]),
      effort: estimated ? pick([1, 2, 3, 5, 8, 13, 21]) : null,
      businessValue: pick([1, 2, 3, 5, 8, 13, 20]),
      timeCriticality: pick([1, 2, 3, 5, 8, 13, 20]),
      riskReduction: pick([1, 2, 3, 5, 8, 13, 20]),
      jobSize: estimated ? pick([1, 2, 3, 5, 8, 13, 20]) : null,
      ease: Math.ceil(rand() * 10),
      externalKey: `KEY-${1000 + i}`,
      labels: [theme.label, ...(rand() > 0.7 ? ['customer-request'] : [])],
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    // Themes name the KRs they serve; a quarter of items stay unaligned on purpose.
    if (theme.krIndexes.length && rand() > 0.25) {
      const krIndex = pick(theme.krIndexes);
      const krId = krIds[krIndex];
      if (krId) links.push({ itemId: id, keyResultId: krId, strength: pick([1, 2, 2, 3]), createdAt: now });
    }
  }
  // A PM has ranked roughly by value, with the usual drift: a few items sit far too high.
  const roughValue = new Map(
    rows.map((r) => [
      r.id,
      (((r.reach ?? 0) * (r.impact ?? 0) * (r.confidence ?? 0)) / (r.effort ?? 8)) * (0.4 + rand() * 1.6),
    ]),
  );
  rows.sort((a, b) => (roughValue.get(b.id) ?? 0) - (roughValue.get(a.id) ?? 0));
  rows.forEach((r, i) => (r.rank = (i + 1) * RANK_STEP));
  for (let i = 0; i < rows.length; i += 100) await m.insert(BacklogItemEntity, rows.slice(i, i + 100));
  for (let i = 0; i < links.length; i += 100) await m.insert(BacklogLinkEntity, links.slice(i, i + 100));
}
