import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import {
  DAY_MS,
  expectedProgress,
  isCheckInDue,
  keyResultProgress,
  krStatus,
  type ItemFlagCode,
  type TestDigestResult,
} from '@keyline/shared';
import type { Actor } from '../../../auth/actor';
import type { Database } from '../../../db/database';
import { AppError } from '../../../http/app-error';
import type { Scheduler } from '../../../jobs/scheduler';
import { BacklogItemEntity } from '../../backlog/backlog-item.entity';
import { CycleEntity } from '../../cycles/cycle.entity';
import { readLifecycleSettings } from '../../cycles/lifecycle-settings.service';
import { HeadlineHistoryEntity } from '../../dashboard/headline-history.entity';
import { KeyResultEntity } from '../../key-results/key-result.entity';
import { latestCheckIns } from '../../key-results/latest-check-ins';
import { ObjectiveEntity } from '../../objectives/objective.entity';
import type { LiveScores } from '../../scoring/live-scores';
import { recentMentions } from '../../comments/recent-mentions';
import { UserEntity } from '../../users/user.entity';
import { readItemFlagStates } from '../events/change-watcher';
import type { Notifier, PersonalNote } from '../notifier';
import type { Outbox } from '../outbox';
import { resolvePreferences } from '../preferences/preferences.service';
import { readNotificationSettings } from '../settings/notification-settings.service';
import { buildDigest, emptyDigest, type DigestItem, type DigestKeyResult, type DigestWorld } from './digest-content';
import { lastMondayNine } from './local-time';
import { readMarks, writeMarks } from './marks';

export const DIGEST_JOB = 'weekly-digest';
/** After downtime, a week's digest is still sent (once) up to this long after Monday 09:00; later it is skipped. */
export const DIGEST_CATCH_UP_MS = 2 * DAY_MS;

const digestMark = (userId: string, monday: Date) => `digest:${userId}:${monday.toISOString()}`;

/**
 * The weekly digest: Monday 09:00 on each person's own clock (their time
 * zone, else the organisation's). The job runs every 15 minutes; whoever has
 * passed their Monday 09:00 and has no mark for that week gets their digest
 * built and sent, and the mark written in the same transaction, so two app
 * servers, a restart or a repeated run never send it twice. After downtime a
 * missed digest goes out once, up to two days late; nothing to say → no
 * message (the mark is written all the same).
 */
export class WeeklyDigest {
  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    private readonly clock: () => number = Date.now,
  ) {}

  register(scheduler: Scheduler): void {
    scheduler.register({
      name: DIGEST_JOB,
      schedule: '*/15 * * * *',
      leaseMs: 10 * 60_000,
      run: async () => void (await this.run()),
    });
  }

  /** Returns how many people were considered, and how many messages were written. */
  async run(): Promise<{ considered: number; sent: number }> {
    const now = this.clock();
    const due = await this.db.read(async (m) => {
      if (!(await readNotificationSettings(m)).settings.digestEnabled) return [];
      const users = await m.find(UserEntity, { where: { disabled: false }, select: { id: true } });
      const prefs = await resolvePreferences(
        m,
        users.map((u) => u.id),
      );
      const candidates = prefs.flatMap((p) => {
        if (p.kinds.digest === 'none') return [];
        const monday = lastMondayNine(p.timeZone, new Date(now));
        if (!monday || now - monday.getTime() > DIGEST_CATCH_UP_MS) return [];
        return [{ userId: p.userId, teamIds: p.teamIds, mark: digestMark(p.userId, monday) }];
      });
      const marked = await readMarks(
        m,
        candidates.map((c) => c.mark),
      );
      return candidates.filter((c) => !marked.has(c.mark));
    });
    if (due.length === 0) return { considered: 0, sent: 0 };
    // Scores first: on SQLite their reads would wait behind our own transaction.
    const view = await this.scores.current();
    const sent = await this.db.write(async (m) => {
      // Another server may have sent some meanwhile: only what is still unmarked.
      const marked = await readMarks(
        m,
        due.map((c) => c.mark),
      );
      const todo = due.filter((c) => !marked.has(c.mark));
      if (todo.length === 0) return 0;
      const world = await loadWorld(m, view, now);
      const notes: PersonalNote[] = [];
      for (const person of todo) {
        const content = buildDigest(person, world);
        if (content) notes.push({ key: person.mark, userId: person.userId, kind: 'digest', content });
      }
      await writeMarks(
        m,
        todo.map((c) => c.mark),
        now,
      );
      return this.notifier.notify(m, notes);
    });
    return { considered: due.length, sent };
  }

  /** "Send me a test digest now": this person's digest at once, by their digest channel (e-mail if none). */
  async sendTest(actor: Actor): Promise<TestDigestResult> {
    const view = await this.scores.current();
    return this.db.write(async (m) => {
      const now = this.clock();
      const [prefs] = await resolvePreferences(m, [actor.id]);
      const world = await loadWorld(m, view, now);
      const built = buildDigest({ userId: actor.id, teamIds: prefs?.teamIds ?? [] }, world);
      const content = built ?? emptyDigest(world);
      const [message] = await this.notifier.plan(m, [
        { key: `test-digest:${randomUUID()}`, userId: actor.id, kind: 'digest', content, force: true },
      ]);
      if (!message)
        throw new AppError(
          'CONFLICT',
          'Keyline cannot reach you: e-mail is off on this server (no SMTP_URL) and no chat channel is set up for you',
        );
      await this.outbox.enqueue(m, [message]);
      const user = await m.findOneBy(UserEntity, { id: actor.id });
      return {
        channel: message.channel,
        recipient: message.channel === 'email' ? (user?.email ?? '') : 'your team’s chat channel',
        subject: content.subject,
        empty: built === null,
        deliveryId: (await this.outbox.idOf(m, message.idempotencyKey)) as string,
      };
    });
  }
}

/** Everything the digests draw on, read once per run. */
export async function loadWorld(
  m: EntityManager,
  view: Awaited<ReturnType<LiveScores['current']>>,
  now: number,
): Promise<DigestWorld> {
  const weekAgo = new Date(now - 7 * DAY_MS).toISOString();
  const mentions = await recentMentions(m, weekAgo);
  const cycle = await m.findOne(CycleEntity, { where: { status: 'active' }, order: { startsOn: 'ASC' } });
  if (!cycle)
    return {
      now,
      cycleName: null,
      keyResults: [],
      newlyFlagged: [],
      noWork: new Set(),
      misaligned: { now: null, weekAgo: null },
      mentions,
    };
  const { checkInCadenceDays } = (await readLifecycleSettings(m)).settings;
  const objectives = await m.find(ObjectiveEntity, {
    where: { cycleId: cycle.id, deletedAt: IsNull() },
    select: { id: true, teamId: true },
  });
  const teamOf = new Map(objectives.map((o) => [o.id, o.teamId]));
  const krRows = objectives.length
    ? await m.find(KeyResultEntity, { where: { objectiveId: In([...teamOf.keys()]), deletedAt: IsNull() } })
    : [];
  const latest = await latestCheckIns(
    m,
    krRows.map((k) => k.id),
  );
  const expected = expectedProgress(cycle, new Date(now));
  const keyResults: DigestKeyResult[] = krRows.map((kr) => {
    const progress = keyResultProgress(kr) ?? 0;
    const last = latest.get(kr.id);
    return {
      id: kr.id,
      title: kr.title,
      ownerId: kr.ownerId,
      teamId: teamOf.get(kr.objectiveId) ?? null,
      progress,
      status: krStatus({
        progress,
        expectedProgress: expected,
        confidence: last?.confidence ?? null,
        hasCheckIn: last !== undefined,
      }).status,
      checkInDue: isCheckInDue(
        {
          cycleStatus: cycle.status,
          cycleStartsOn: cycle.startsOn,
          keyResultCreatedAt: kr.createdAt,
          lastCheckInAt: last?.at ?? null,
        },
        checkInCadenceDays,
        now,
      ),
    };
  });

  const flagStates = await readItemFlagStates(m);
  const recent: { id: string; gained: ItemFlagCode[] }[] = [];
  for (const [id, since] of flagStates) {
    const gained = (Object.entries(since) as [ItemFlagCode, string][])
      .filter(([, at]) => at >= weekAgo)
      .map(([c]) => c);
    const item = view.backlog.item(id);
    if (
      gained.length > 0 &&
      item &&
      (item.status === 'idea' || item.status === 'ready' || item.status === 'in-progress')
    )
      recent.push({ id, gained });
  }
  const titles = new Map<string, string>();
  for (let i = 0; i < recent.length; i += 500) {
    const rows = await m.find(BacklogItemEntity, {
      where: { id: In(recent.slice(i, i + 500).map((r) => r.id)) },
      select: { id: true, title: true },
    });
    for (const r of rows) titles.set(r.id, r.title);
  }
  const newlyFlagged: DigestItem[] = recent.flatMap((r) => {
    const item = view.backlog.item(r.id);
    const title = titles.get(r.id);
    return item && title
      ? [{ id: r.id, title, teamId: item.teamId, keyResultIds: item.links.map((l) => l.keyResultId), gained: r.gained }]
      : [];
  });

  const figures = view.backlog.figures(cycle.id, null);
  const noWork = new Set(figures.keyResultFlags.filter((f) => f.code === 'NO_WORK').map((f) => f.keyResultId));
  const past = await m.findOne(HeadlineHistoryEntity, {
    where: { cycleId: cycle.id, teamId: IsNull(), recordedAt: LessThanOrEqual(weekAgo) },
    order: { recordedAt: 'DESC' },
  });
  return {
    now,
    cycleName: cycle.name,
    keyResults,
    newlyFlagged,
    noWork,
    misaligned: {
      now: figures.headline?.misalignedEffortShare ?? null,
      weekAgo: past?.misalignedEffortShare ?? null,
    },
    mentions,
  };
}
