/*
 * Weekly digests at scale: `npm run bench:notifications`.
 * The demo organisation scaled to 100,000 backlog items (as bench:load seeds
 * it), BENCH_USERS (1,000) active members each following one of the teams,
 * owners of the demo's KRs, and BENCH_COMMENTS (2,000) comments of the week
 * that mention them. Times, in one process over SQLite:
 *   scores  — the live scores' first build over the 100k items (the digest reads them)
 *   build   — one digest run: who is due, the world, 1,000 digests, the outbox rows and marks
 *   send    — the sender delivering every e-mail over SMTP to a local server (smtp-server)
 * Writes tests/artifacts/bench/notifications.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createServices } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { CommentEntity } from '../../server/src/features/comments/comment.entity';
import { KeyResultEntity } from '../../server/src/features/key-results/key-result.entity';
import { NotificationPreferenceEntity } from '../../server/src/features/notifications/preferences/notification-preference.entity';
import { OutboxMessageEntity } from '../../server/src/features/notifications/outbox-message.entity';
import { WeeklyDigest } from '../../server/src/features/notifications/schedules/weekly-digest';
import { TeamEntity } from '../../server/src/features/teams/team.entity';
import { UserEntity } from '../../server/src/features/users/user.entity';
import { openDatabase } from '../../server/src/schema';
import { seedScaledDemo } from '../reliability/support/scaled-demo';
import { ROOT } from '../support/server-process';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const USERS = Number(process.env.BENCH_USERS ?? 1_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 2_000);
const DAY_MS = 86_400_000;

/** An SMTP server that accepts and counts, parsing nothing: the receiving side costs as little as it can. */
async function startCountingSmtp(): Promise<{ url: string; received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'bench' }),
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://bench:bench@127.0.0.1:${port}`,
    received: () => received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** This week's Monday 09:30 UTC: the digest's clock, so every member in UTC is due. */
function mondayMorning(now: Date): number {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 30));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.getTime();
}

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
};

const dir = mkdtempSync(join(tmpdir(), 'keyline-notify-bench-'));
const url = `sqlite:${join(dir, 'keyline.db')}`;
const smtp = await startCountingSmtp();
try {
  const [seeded, seedMs] = await time(() => seedScaledDemo(url, ITEMS));
  const db = await openDatabase(url);
  const config = loadConfig({
    DATABASE_URL: url,
    KEYLINE_SEED: 'none',
    LOG_LEVEL: 'silent',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Keyline <keyline@example.com>',
    PUBLIC_URL: 'https://keyline.example.com',
    NOTIFY_POLL_MS: '60000',
  });
  const services = createServices({ config, db, logger: pino({ level: 'silent' }) });

  // 1,000 members: each follows a team, owns some of the demo's KRs in turn, and is mentioned this week.
  const now = mondayMorning(new Date());
  const userIds: string[] = [];
  await db.write(async (m) => {
    const teams = await m.find(TeamEntity);
    const created = new Date(now - 30 * DAY_MS).toISOString();
    const users: UserEntity[] = [];
    const prefs: NotificationPreferenceEntity[] = [];
    for (let i = 0; i < USERS; i++) {
      const id = randomUUID();
      userIds.push(id);
      users.push({
        id,
        email: `member${i}@bench.local`,
        name: `Member ${String(i).padStart(4, '0')}`,
        passwordHash: 'not-a-real-hash',
        role: i % 10 === 0 ? 'editor' : 'viewer',
        disabled: false,
        version: 1,
        createdAt: created,
        updatedAt: created,
      });
      prefs.push({
        userId: id,
        timeZone: 'UTC',
        kinds: {},
        teamIds: teams.length ? [teams[i % teams.length]!.id] : [],
        version: 1,
        updatedAt: created,
      });
    }
    for (let i = 0; i < users.length; i += 200) await m.insert(UserEntity, users.slice(i, i + 200));
    for (let i = 0; i < prefs.length; i += 200) await m.insert(NotificationPreferenceEntity, prefs.slice(i, i + 200));
    const krs = await m.find(KeyResultEntity);
    for (const [i, kr] of krs.entries())
      await m.update(KeyResultEntity, { id: kr.id }, { ownerId: userIds[i % USERS] });
    const comments: CommentEntity[] = [];
    for (let i = 0; i < COMMENTS; i++) {
      const kr = krs[i % krs.length]!;
      const at = new Date(now - ((i % 6) + 1) * DAY_MS).toISOString();
      comments.push({
        id: randomUUID(),
        subjectType: 'key_result',
        subjectId: kr.id,
        keyResultId: kr.id,
        body: `@Member ${String(i % USERS).padStart(4, '0')} where does this stand?`,
        authorId: userIds[(i + 1) % USERS]!,
        mentionIds: [userIds[i % USERS]!],
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    for (let i = 0; i < comments.length; i += 200) await m.insert(CommentEntity, comments.slice(i, i + 200));
  });

  const [, scoresMs] = await time(() => services.scoring.current());
  const digests = new WeeklyDigest(db, services.scoring, services.notifier, services.outbox, () => now);
  const [run, buildMs] = await time(() => digests.run());
  const queued = await db.read((m) => m.count(OutboxMessageEntity, { where: { channel: 'email' } }));
  const [, sendMs] = await time(async () => {
    services.sender.start();
    while (smtp.received() < queued) await new Promise((resolve) => setTimeout(resolve, 20));
    await services.sender.stop();
  });
  const delivered = await db.read((m) =>
    m.count(OutboxMessageEntity, { where: { channel: 'email', status: 'delivered' } }),
  );
  const again = await digests.run();
  await db.close();

  const figures = {
    items: seeded.items,
    members: USERS,
    commentsThisWeek: COMMENTS,
    considered: run.considered,
    digestsQueued: queued,
    seedMs,
    scoresFirstBuildMs: scoresMs,
    buildDigestsMs: buildMs,
    sendDigestsMs: sendMs,
    totalBuildAndSendMs: buildMs + sendMs,
    mailsPerSecond: Math.round((queued / sendMs) * 1000),
    delivered,
    secondRunSent: again.sent,
    loadAverage: Number(loadavg()[0]!.toFixed(1)),
  };
  console.table(
    Object.entries(figures).map(([figure, value]) => ({
      figure,
      value: typeof value === 'number' ? value.toLocaleString('en-US') : value,
    })),
  );
  if (delivered !== queued || again.sent !== 0)
    throw new Error(`expected ${queued} delivered once and nothing on a second run; got ${delivered}, ${again.sent}`);
  const out = join(ROOT, 'tests/artifacts/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'notifications.json'), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
}
