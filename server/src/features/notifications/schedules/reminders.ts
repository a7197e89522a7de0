import { In, IsNull, type EntityManager } from 'typeorm';
import { checkInDueAt, DAY_MS, type MessageContent } from '@keyline/shared';
import type { Database } from '../../../db/database';
import type { Scheduler } from '../../../jobs/scheduler';
import { CycleEntity } from '../../cycles/cycle.entity';
import { readLifecycleSettings } from '../../cycles/lifecycle-settings.service';
import { KeyResultEntity } from '../../key-results/key-result.entity';
import { latestCheckIns } from '../../key-results/latest-check-ins';
import { ObjectiveEntity } from '../../objectives/objective.entity';
import { UserEntity } from '../../users/user.entity';
import { Links } from '../links';
import type { Notifier, PersonalNote } from '../notifier';
import { resolvePreferences } from '../preferences/preferences.service';
import { readNotificationSettings } from '../settings/notification-settings.service';
import { localHour } from './local-time';
import { readMarks, writeMarks } from './marks';

export const REMINDER_JOB = 'check-in-reminders';
/** The second reminder comes this long after the first, if the check-in is still due. */
export const SECOND_REMINDER_AFTER_MS = 7 * DAY_MS;
/** Reminders go out in working hours on the owner's clock: 09:00 to 18:00. */
const FIRST_HOUR = 9;
const LAST_HOUR = 18;

export interface DueKeyResult {
  id: string;
  title: string;
  ownerId: string;
  unit: string;
  startValue: number;
  currentValue: number;
  targetValue: number;
  /** When the check-in fell due (the cadence passed): identifies this stretch of silence. */
  dueAt: string;
  lastCheckInAt: string | null;
}

export interface ReminderPlan {
  userId: string;
  /** 2 when every KR that prompted it is on its second reminder. */
  stage: 1 | 2;
  /** Every KR of theirs that is due, not only the ones that prompted it: one message lists them all. */
  keyResults: DueKeyResult[];
  /** Marks to write with the message. */
  marks: string[];
}

export const reminderMark = (kr: Pick<DueKeyResult, 'id' | 'dueAt'>, stage: 1 | 2) =>
  `reminder:${kr.id}:${kr.dueAt}:${stage}`;

/**
 * Who gets a reminder now. A KR past its cadence prompts a first reminder
 * once; if still due a week after that one, a second; then nothing until a
 * check-in starts a new stretch (a new dueAt). An owner gets one message
 * listing all their due KRs, never one per KR. Pure.
 */
export function planReminders(
  due: readonly DueKeyResult[],
  marks: ReadonlyMap<string, string>,
  now: number,
): ReminderPlan[] {
  const byOwner = new Map<string, DueKeyResult[]>();
  for (const kr of due) byOwner.set(kr.ownerId, [...(byOwner.get(kr.ownerId) ?? []), kr]);
  const plans: ReminderPlan[] = [];
  for (const [userId, krs] of byOwner) {
    const write: string[] = [];
    let first = false;
    let second = false;
    for (const kr of krs) {
      const firstAt = marks.get(reminderMark(kr, 1));
      if (firstAt === undefined) {
        write.push(reminderMark(kr, 1));
        first = true;
      } else if (!marks.has(reminderMark(kr, 2)) && now >= Date.parse(firstAt) + SECOND_REMINDER_AFTER_MS) {
        write.push(reminderMark(kr, 2));
        second = true;
      }
    }
    if (write.length === 0) continue;
    // Listed but not prompting: a KR whose first reminder went recently counts as reminded by this one too.
    plans.push({ userId, stage: first ? 1 : second ? 2 : 1, keyResults: krs, marks: write });
  }
  return plans;
}

const number = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);

/** The message: every due KR with start → current → target, how long it has been, a link to check in. */
export function reminderContent(plan: ReminderPlan, cadenceDays: number, now: number): MessageContent {
  const krs = plan.keyResults;
  const one = krs.length === 1 ? krs[0] : undefined;
  const what = one ? `“${one.title}” needs a check-in` : `${krs.length} key results need a check-in`;
  return {
    subject: plan.stage === 2 ? `Still due: ${what}` : what,
    intro:
      `${one ? 'It has' : 'They have'} had no check-in for longer than the quarter’s ${cadenceDays}-day cadence. ` +
      'A check-in takes a minute: the value, your confidence, and what changed.',
    sections: [
      {
        heading: krs.length === 1 ? 'Due now' : `Due now (${krs.length})`,
        items: krs.map((kr) => ({
          text: `${kr.title}: ${number(kr.startValue)} → ${number(kr.currentValue)} → ${number(kr.targetValue)}${kr.unit ? ` ${kr.unit}` : ''}`,
          detail: kr.lastCheckInAt
            ? `Last check-in ${Math.max(1, Math.floor((now - Date.parse(kr.lastCheckInAt)) / DAY_MS))} days ago`
            : 'No check-in yet this quarter',
          path: Links.keyResult(kr.id),
        })),
      },
    ],
    action: one
      ? { label: 'Check in', path: Links.keyResult(one.id) }
      : { label: 'Open your key results', path: `/okrs?owner=${plan.userId}` },
  };
}

/**
 * The check-in reminder job: every 15 minutes it finds KRs of the active
 * quarter whose owner let the cadence pass, and reminds owners who are in
 * their working hours (09:00–18:00 on their clock). Marks and messages are
 * written in one transaction, so a run repeated after a crash, on another
 * server or after downtime sends nothing twice; after downtime it simply
 * sends what is due now, once.
 */
export class CheckInReminders {
  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly clock: () => number = Date.now,
  ) {}

  register(scheduler: Scheduler): void {
    scheduler.register({ name: REMINDER_JOB, schedule: '*/15 * * * *', run: async () => void (await this.run()) });
  }

  /** Returns how many reminders were written (one per person). */
  run(): Promise<number> {
    return this.db.write(async (m) => {
      if (!(await readNotificationSettings(m)).settings.remindersEnabled) return 0;
      const now = this.clock();
      const { checkInCadenceDays } = (await readLifecycleSettings(m)).settings;
      const due = await dueKeyResults(m, checkInCadenceDays, now);
      if (due.length === 0) return 0;
      const owners = [...new Set(due.map((kr) => kr.ownerId))];
      const zones = new Map((await resolvePreferences(m, owners)).map((p) => [p.userId, p.timeZone]));
      const awake = due.filter((kr) => {
        const hour = localHour(zones.get(kr.ownerId) ?? 'UTC', new Date(now));
        return hour >= FIRST_HOUR && hour < LAST_HOUR;
      });
      const marks = await readMarks(
        m,
        awake.flatMap((kr) => [reminderMark(kr, 1), reminderMark(kr, 2)]),
      );
      const plans = planReminders(awake, marks, now);
      if (plans.length === 0) return 0;
      const notes: PersonalNote[] = plans.map((plan) => ({
        key: `reminder:${plan.userId}:${plan.marks.slice().sort().join(',')}`.slice(0, 150),
        userId: plan.userId,
        kind: 'check_in_due',
        content: reminderContent(plan, checkInCadenceDays, now),
      }));
      // Marks only for people the message reaches: someone who switched reminders off is reminded when back.
      const messages = await this.notifier.plan(m, notes);
      const reached = new Set(messages.map((msg) => msg.userId));
      await writeMarks(
        m,
        plans.filter((p) => reached.has(p.userId)).flatMap((p) => p.marks),
        now,
      );
      await this.notifier.enqueue(m, messages);
      return messages.length;
    });
  }
}

/** KRs of active quarters, with an owner who can be reached, past their cadence. */
export async function dueKeyResults(m: EntityManager, cadenceDays: number, now: number): Promise<DueKeyResult[]> {
  const cycles = await m.find(CycleEntity, { where: { status: 'active' } });
  if (cycles.length === 0) return [];
  const objectives = await m.find(ObjectiveEntity, {
    where: { cycleId: In(cycles.map((c) => c.id)), deletedAt: IsNull() },
    select: { id: true, cycleId: true },
  });
  if (objectives.length === 0) return [];
  const cycleOf = new Map(objectives.map((o) => [o.id, cycles.find((c) => c.id === o.cycleId) as CycleEntity]));
  const krs = (
    await m.find(KeyResultEntity, { where: { objectiveId: In([...cycleOf.keys()]), deletedAt: IsNull() } })
  ).filter((kr) => kr.ownerId !== null);
  if (krs.length === 0) return [];
  const active = new Set(
    (
      await m.find(UserEntity, {
        where: { id: In([...new Set(krs.map((k) => k.ownerId as string))]), disabled: false },
        select: { id: true },
      })
    ).map((u) => u.id),
  );
  const latest = await latestCheckIns(
    m,
    krs.map((k) => k.id),
  );
  const due: DueKeyResult[] = [];
  for (const kr of krs) {
    const cycle = cycleOf.get(kr.objectiveId) as CycleEntity;
    if (!active.has(kr.ownerId as string)) continue;
    const lastCheckInAt = latest.get(kr.id)?.at ?? null;
    const dueAt = checkInDueAt(
      { cycleStatus: cycle.status, cycleStartsOn: cycle.startsOn, keyResultCreatedAt: kr.createdAt, lastCheckInAt },
      cadenceDays,
    );
    if (dueAt === null || Date.parse(dueAt) > now) continue;
    due.push({
      id: kr.id,
      title: kr.title,
      ownerId: kr.ownerId as string,
      unit: kr.unit,
      startValue: kr.startValue,
      currentValue: kr.currentValue,
      targetValue: kr.targetValue,
      dueAt,
      lastCheckInAt,
    });
  }
  return due;
}
