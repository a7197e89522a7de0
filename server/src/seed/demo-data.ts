import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { keyResultProgress, type ItemStatus, type ItemType, DAY_MS, isoDay } from '@keyline/shared';
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

function quarterOf(d: Date): { start: Date; end: Date; name: string } {
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0));
  return { start, end, name: `${d.getUTCFullYear()}-Q${q + 1}` };
}

const WEEK_MS = 7 * DAY_MS;

interface QuarterPlan {
  cycleId: string;
  name: string;
  start: Date;
  end: Date;
  status: 'closed' | 'active';
  /** The last moment with check-ins: the quarter's end, or today for the active one. */
  asOf: Date;
  /** Share of the quarter elapsed at asOf. */
  elapsed: number;
  /** Added to every KR's pace this quarter (older quarters went a little better). */
  paceShift: number;
  keyResults: KrPlan[];
}

interface KrPlan {
  id: string;
  objectiveId: string;
  demo: DemoKeyResult;
  team: string | null;
  /** Done items that moved it: the KR steps up `lagDays` after each. */
  steps: { at: number; title: string }[];
}

interface DemoItem {
  row: BacklogItemEntity;
  link: { keyResultId: string; strength: number } | null;
}

/**
 * How often a team's shipped work moves its KR, by its prediction
 * (impact × confidence, 0–3): Growth predicts well, Support Experience
 * somewhat, Platform not at all, so the calibration chart has something to say.
 */
function hitChance(team: string | null, predicted: number): number {
  const p = team === 'Growth' ? 0.1 + 0.3 * predicted : team === 'Support Experience' ? 0.2 + 0.2 * predicted : 0.3;
  return Math.min(0.95, Math.max(0.05, p));
}

/**
 * The demo organisation: two closed quarters and this (active) one, company
 * objectives with team objectives beneath, 12 KRs per quarter with weekly
 * check-ins, and a backlog of distinct items of which some serve no KR. Past
 * quarters carry shipped items with their done dates, some followed by a
 * step in their KR and some not, so the Outcomes screen and the calibration
 * chart say something on first start.
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

  // 1. Three quarters: their cycles, objectives and (planned) KRs.
  const current = quarterOf(today);
  const previous = quarterOf(new Date(current.start.getTime() - DAY_MS));
  const older = quarterOf(new Date(previous.start.getTime() - DAY_MS));
  const quarters: QuarterPlan[] = [];
  for (const [quarter, status, paceShift] of [
    [older, 'closed', 0.1],
    [previous, 'closed', 0],
    [current, 'active', 0],
  ] as const) {
    const cycleId = randomUUID();
    await m.insert(CycleEntity, {
      id: cycleId,
      name: quarter.name,
      startsOn: isoDay(quarter.start),
      endsOn: isoDay(quarter.end),
      status,
      ...stamp,
    });
    const asOf = status === 'closed' ? quarter.end : today;
    const elapsed = Math.min(
      1,
      (asOf.getTime() - quarter.start.getTime()) / (quarter.end.getTime() - quarter.start.getTime()),
    );
    const plan: QuarterPlan = {
      cycleId,
      ...quarter,
      status,
      asOf,
      elapsed,
      paceShift,
      keyResults: [],
    };
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
        plan.keyResults.push({ id: randomUUID(), objectiveId: id, demo: kr, team: objective.team ?? null, steps: [] });
      }
    }
    quarters.push(plan);
  }

  // 2. The backlog: every title once. Past quarters get three shipped items per KR; the rest is this quarter's.
  const items: DemoItem[] = [];
  let serial = 0;
  const pools = ITEM_THEMES.map((theme) => ({ theme, titles: shuffle(theme.titles, rand) }));
  const newItem = (theme: (typeof ITEM_THEMES)[number], title: string, status: ItemStatus): BacklogItemEntity => {
    const estimated = rand() > 0.15; // about one item in six lacks an estimate: real backlogs are like that
    return {
      id: randomUUID(),
      title,
      description: `${theme.why}.`,
      type: pick(ITEM_TYPES),
      status,
      teamId: teamIds.get(theme.team) ?? null,
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
      externalKey: `KEY-${1000 + serial++}`,
      labels: [theme.label, ...(rand() > 0.7 ? ['customer-request'] : [])],
      doneAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  };
  /** A done item: when it shipped, and whether its KR stepped up after it. */
  const ship = (row: BacklogItemEntity, plan: QuarterPlan, kr: KrPlan, from: number, to: number) => {
    const doneMs = Math.round(from + rand() * Math.max(0, to - from));
    row.doneAt = new Date(doneMs).toISOString();
    row.updatedAt = row.doneAt;
    const predicted = (row.impact ?? 0) * (row.confidence ?? 0);
    const milestoneNow = kr.demo.metricType === 'milestone' && plan.status === 'active';
    if (!milestoneNow && rand() < hitChance(kr.team, predicted)) {
      const at = doneMs + (2 + rand() * 9) * DAY_MS;
      if (at <= plan.asOf.getTime()) kr.steps.push({ at, title: row.title });
    }
  };
  for (const plan of quarters.filter((q) => q.status === 'closed')) {
    plan.keyResults.forEach((kr, krIndex) => {
      const pool = pools.find((p) => p.theme.krIndexes.includes(krIndex));
      for (let n = 0; n < 3 && pool?.titles.length; n++) {
        const row = newItem(pool.theme, pool.titles.pop() as string, 'done');
        const start = plan.start.getTime();
        ship(row, plan, kr, start + WEEK_MS, start + 9 * WEEK_MS);
        items.push({ row, link: { keyResultId: kr.id, strength: pick([1, 2, 2, 3]) } });
      }
    });
  }
  const active = quarters[2] as QuarterPlan;
  for (const { theme, titles } of pools) {
    for (const title of titles) {
      const row = newItem(theme, title, pick(ITEM_STATUSES));
      // Themes name the KRs they serve; a quarter of items stay unaligned on purpose.
      const kr = theme.krIndexes.length && rand() > 0.25 ? active.keyResults[pick(theme.krIndexes)] : undefined;
      if (row.status === 'done') {
        const start = active.start.getTime();
        const end = Math.max(start + DAY_MS, active.asOf.getTime() - DAY_MS);
        if (kr) ship(row, active, kr, start + 3 * DAY_MS, end);
        else row.doneAt = new Date(start + rand() * (end - start)).toISOString();
      }
      items.push({ row, link: kr ? { keyResultId: kr.id, strength: pick([1, 2, 2, 3]) } : null });
    }
  }

  // 3. KRs with weekly check-ins that follow their pace, stepping up after the shipped items that worked.
  for (const plan of quarters) {
    for (const kr of plan.keyResults) {
      const checkIns = weeklyCheckIns(kr, plan, rand, userIds);
      const currentValue = checkIns.at(-1)?.value ?? kr.demo.start;
      // Closed quarters were graded at their close: the suggested grade (progress, to 0.1) and a retro note.
      const progress =
        keyResultProgress({
          startValue: kr.demo.start,
          targetValue: kr.demo.target,
          currentValue,
        }) ?? 0;
      const graded =
        plan.status === 'closed'
          ? {
              grade: Math.round(Math.min(1, Math.max(0, progress)) * 10) / 10,
              gradeNote: `Retro: ${kr.demo.lastNote}`,
              gradedAt: plan.end.toISOString(),
            }
          : {};
      await m.insert(KeyResultEntity, {
        id: kr.id,
        objectiveId: kr.objectiveId,
        title: kr.demo.title,
        metricType: kr.demo.metricType,
        startValue: kr.demo.start,
        targetValue: kr.demo.target,
        currentValue,
        unit: kr.demo.unit,
        weight: kr.demo.weight,
        ownerId: pick(userIds),
        code: await freshKeyResultCode(m),
        deletedAt: null,
        ...graded,
        ...stamp,
      });
      for (const c of checkIns) await m.insert(CheckInEntity, { id: randomUUID(), keyResultId: kr.id, ...c });
    }
  }

  await insertDemoBacklog(m, rand, items, now);
  await insertDemoHeadlineHistory(m, active.cycleId, current.start, today, rand);
}

const ITEM_STATUSES: ItemStatus[] = ['idea', 'idea', 'ready', 'ready', 'ready', 'in-progress', 'done', 'dropped'];
const ITEM_TYPES: ItemType[] = ['feature', 'feature', 'feature', 'bug', 'tech-debt', 'chore', 'experiment'];

function shuffle<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
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
  const weeks = Math.floor((today.getTime() - start.getTime()) / WEEK_MS);
  for (let w = 0; w < weeks; w++) {
    const at = new Date(start.getTime() + w * WEEK_MS + 9 * 3_600_000);
    const weeksLeft = weeks - w;
    await m.insert(HeadlineHistoryEntity, {
      id: randomUUID(),
      cycleId,
      teamId: null,
      recordedAt: at.toISOString(),
      day: isoDay(at),
      reason: 'daily',
      misalignedEffortShare: Math.min(0.9, 0.39 + weeksLeft * 0.018 + (rand() - 0.5) * 0.02),
      krCoverageShare: Math.min(1, 0.75 + (w / Math.max(1, weeks)) * 0.25),
      openEffort: Math.round(1500 + weeksLeft * 40),
    });
  }
}

/**
 * A KR's weekly check-ins: its progress by `asOf` is its pace × the share of
 * the quarter elapsed, made of a steady drift plus a step after each shipped
 * item that worked, with a little noise (a fifth of the outcome threshold).
 * A milestone is done from the first step on, in a past quarter.
 */
function weeklyCheckIns(
  kr: KrPlan,
  plan: QuarterPlan,
  rand: () => number,
  authors: string[],
): Omit<CheckInEntity, 'id' | 'keyResultId'>[] {
  const { demo } = kr;
  const startMs = plan.start.getTime();
  const spanMs = Math.max(1, plan.asOf.getTime() - startMs);
  const target = Math.max(0, (demo.pace + plan.paceShift) * plan.elapsed);
  const steps = [...kr.steps].sort((a, b) => a.at - b.at);
  const stepSize = steps.length ? Math.min(0.3, Math.max(0.08, (target * 0.6) / steps.length)) : 0;
  const drift = Math.max(0, target - stepSize * steps.length);
  const weeks = Math.floor(spanMs / WEEK_MS);
  const result: Omit<CheckInEntity, 'id' | 'keyResultId'>[] = [];
  let stepsSeen = 0;
  for (let w = 1; w <= weeks; w++) {
    const atMs = startMs + w * WEEK_MS - 3 * 3_600_000;
    const reached = steps.filter((s) => s.at <= atMs);
    const progress = drift * ((atMs - startMs) / spanMs) + stepSize * reached.length + (rand() - 0.5) * 0.02;
    const raw = demo.start + (demo.target - demo.start) * progress;
    const value =
      demo.metricType === 'milestone' ? (plan.status === 'closed' && reached.length > 0 ? 1 : 0) : round2(raw);
    const confidence = Math.max(1, Math.min(10, Math.round(demo.pace * 7 + (rand() - 0.5) * 2)));
    const fresh = reached.slice(stepsSeen);
    stepsSeen = reached.length;
    const note =
      w === weeks
        ? demo.lastNote
        : fresh.length
          ? `Up since “${(fresh.at(-1) as { title: string }).title}” went live.`
          : '';
    const at = new Date(atMs).toISOString();
    result.push({
      value,
      confidence,
      note,
      authorId: authors[Math.floor(rand() * authors.length)] ?? null,
      at,
      createdAt: at,
    });
  }
  return result;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

async function insertDemoBacklog(m: EntityManager, rand: () => number, items: DemoItem[], now: string): Promise<void> {
  const rows = items.map((i) => i.row);
  const links: BacklogLinkEntity[] = items.flatMap(({ row, link }) =>
    link ? [{ itemId: row.id, keyResultId: link.keyResultId, strength: link.strength, createdAt: now }] : [],
  );
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
