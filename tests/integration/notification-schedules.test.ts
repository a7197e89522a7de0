import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { CheckInReminders } from '../../server/src/features/notifications/schedules/reminders';
import { WeeklyDigest } from '../../server/src/features/notifications/schedules/weekly-digest';
import { Scheduler } from '../../server/src/jobs/scheduler';
import { openDatabase } from '../../server/src/schema';
import { describeEachDatabase, TEST_DATABASE_URL } from '../support/databases';
import { buildBacklogItem, buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { SmtpSink } from '../support/smtp-sink';
import { startTestServer, type TestServer } from '../support/test-server';
import { eventually } from '../support/webhook-receiver';
import { dayFromToday as day } from '../support/days';

const PUBLIC_URL = 'https://keyline.example.com';
const DAY = 86_400_000;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** The next Monday at hh:mm UTC after the real now: digests are judged against it. */
function nextMondayUtc(hour: number, minute = 30): number {
  const d = new Date();
  d.setUTCHours(hour, minute, 0, 0);
  while (d.getUTCDay() !== 1 || d.getTime() <= Date.now()) d.setTime(d.getTime() + DAY);
  return d.getTime();
}

async function setPrefs(t: TestServer, who: 'admin' | 'editor' | 'viewer', body: object) {
  const api = t[who];
  const current = (await api.get('/api/notifications/preferences')).body;
  const res = await api.put('/api/notifications/preferences', body, ifMatch(current.version));
  expect(res.status).toBe(200);
}

/**
 * Check-in reminders and weekly digests on a clock the test moves, delivered
 * to a real SMTP server: when each is sent, to whom, what it lists, and that
 * nothing is sent twice (repeated runs, catch-up, two app servers).
 */
describeEachDatabase('reminders and digests', (kind) => {
  let t: TestServer;
  let sink: SmtpSink;
  let now = Date.now();
  const clock = () => now;
  let reminders: CheckInReminders;
  let digests: WeeklyDigest;
  let team: { id: string };
  let owned: { id: string; title: string };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestServer(kind, {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Keyline <keyline@example.com>',
      PUBLIC_URL,
      NOTIFY_POLL_MS: '50',
    });
    t.services.sender.start();
    reminders = new CheckInReminders(t.db, t.services.notifier, clock);
    digests = new WeeklyDigest(t.db, t.services.scoring, t.services.notifier, t.services.outbox, clock);
    team = await buildTeam(t.admin, { name: 'Growth' });
    const cycle = await buildCycle(t.editor, { name: 'Now', startsOn: day(-30), endsOn: day(60), status: 'active' });
    const objective = await buildObjective(t.editor, { cycleId: cycle.id, teamId: team.id });
    owned = await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Activation', ownerId: t.users.editor });
    await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Retention', ownerId: t.users.editor });
    await buildKeyResult(t.editor, { objectiveId: objective.id, title: 'Viewer’s', ownerId: t.users.viewer });
    await setPrefs(t, 'viewer', { kinds: { check_in_due: 'none' } });
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await t.stop();
    await sink.stop();
  });

  const mails = (to: string, subject: RegExp) => sink.to(to).filter((m) => subject.test(m.parsed.subject ?? ''));

  describe('check-in reminders', () => {
    it('remind an owner once with all their due KRs, in their working hours, and again a week later', async () => {
      // Created today: due 7 days on (the default cadence). At 03:00 UTC nobody in UTC is reminded.
      const dueDay = new Date(Date.now() + 8 * DAY);
      now = Date.UTC(dueDay.getUTCFullYear(), dueDay.getUTCMonth(), dueDay.getUTCDate(), 3);
      expect(await reminders.run()).toBe(0);
      now += 7 * 3_600_000; // 10:00 UTC
      expect(await reminders.run()).toBe(1); // the editor; the viewer switched reminders off
      expect(await reminders.run()).toBe(0);
      const [first] = await eventually(() => {
        const found = mails('editor@test.local', /need a check-in/);
        return found.length === 1 && found;
      });
      expect(first!.parsed.subject).toBe('2 key results need a check-in');
      expect(first!.parsed.text).toContain('Activation: 0 → 0 → 100 %');
      expect(first!.parsed.text).toContain('No check-in yet this quarter');
      expect(first!.parsed.text).toContain(`${PUBLIC_URL}/key-results/${owned.id}`);
      expect(first!.parsed.text).toContain(`Open your key results: ${PUBLIC_URL}/okrs?owner=${t.users.editor}`);

      now += 6 * DAY;
      expect(await reminders.run()).toBe(0);
      now += DAY;
      expect(await reminders.run()).toBe(1);
      const [second] = await eventually(() => {
        const found = mails('editor@test.local', /^Still due/);
        return found.length === 1 && found;
      });
      expect(second!.parsed.subject).toBe('Still due: 2 key results need a check-in');
      now += 14 * DAY;
      expect(await reminders.run()).toBe(0);
      expect(mails('viewer@test.local', /check-in/)).toHaveLength(0);
    });

    it('stop when the organisation switches them off', async () => {
      const settings = (await t.admin.get('/api/settings/notifications')).body;
      await t.admin.put(
        '/api/settings/notifications',
        { ...settings.settings, remindersEnabled: false },
        ifMatch(settings.version),
      );
      await setPrefs(t, 'viewer', { kinds: { check_in_due: 'email' } });
      expect(await reminders.run()).toBe(0);
      const back = (await t.admin.get('/api/settings/notifications')).body;
      await t.admin.put(
        '/api/settings/notifications',
        { ...back.settings, remindersEnabled: true },
        ifMatch(back.version),
      );
      expect(await reminders.run()).toBe(1); // now the viewer, whose first reminder is due
    });
  });

  describe('weekly digest', () => {
    it('goes out at Monday 09:00 on each person’s clock, once, listing what they should act on', async () => {
      await t.services.changeWatcher.run(); // baseline of flags
      await buildBacklogItem(t.editor, { title: 'Onboarding checklist', teamId: team.id });
      await t.services.changeWatcher.run(); // it gained UNALIGNED
      await setPrefs(t, 'editor', { timeZone: 'Europe/Berlin', teamIds: [team.id] });
      const retention = (await t.editor.get('/api/key-results')).body.find((k: any) => k.title === 'Retention');
      await t.editor.post(`/api/key-results/${retention.id}/check-ins`, { value: 5, confidence: 2, note: '' });
      await setPrefs(t, 'admin', { timeZone: 'America/New_York' });
      await setPrefs(t, 'viewer', { timeZone: 'America/New_York' });

      now = nextMondayUtc(7, 30); // 08:30 Berlin: not yet
      expect((await digests.run()).sent).toBe(0);
      now += 3_600_000; // 09:30 Berlin, 03:30 New York
      expect(await digests.run()).toEqual({ considered: 1, sent: 1 });
      expect(await digests.run()).toEqual({ considered: 0, sent: 0 });
      const [digest] = await eventually(() => {
        const found = mails('editor@test.local', /^Your week in Keyline/);
        return found.length === 1 && found;
      });
      const text = digest!.parsed.text ?? '';
      expect(text).toContain('Your key results that need you');
      expect(text).toContain('Retention (✕ Off track · 5% of target)');
      expect(text).toContain('Items that gained a flag this week');
      expect(text).toContain('Onboarding checklist (not scorable, unaligned)');
      expect(text).toContain('Key results with no work behind them');
      for (const url of text.match(/https?:\/\/\S+/g) ?? []) expect(url.startsWith(PUBLIC_URL)).toBe(true);
      expect(/^List-Unsubscribe:/m.test(digest!.raw)).toBe(true);

      // New York's morning: the viewer (owns a due KR) gets one; the admin has nothing to read: no e-mail.
      now += 6 * 3_600_000;
      expect(await digests.run()).toEqual({ considered: 2, sent: 1 });
      await eventually(() => mails('viewer@test.local', /^Your week in Keyline/).length === 1);
      expect(mails('admin@test.local', /^Your week in Keyline/)).toHaveLength(0);
      expect(await digests.run()).toEqual({ considered: 0, sent: 0 });
    });

    it('after downtime, catches up once within two days, and skips a week missed for longer', async () => {
      await setPrefs(t, 'editor', { timeZone: 'UTC' });
      now = nextMondayUtc(9, 0) + 7 * DAY + DAY + 12 * 3_600_000; // Tuesday 21:00 UTC, a week later
      expect((await digests.run()).sent).toBe(2); // editor and viewer: one each, not one per missed run
      expect((await digests.run()).sent).toBe(0);
      now = nextMondayUtc(9, 0) + 14 * DAY + 3 * DAY; // Thursday of the week after: too late
      expect(await digests.run()).toEqual({ considered: 0, sent: 0 });
    });

    it('sends a test digest at once to the person who asks, even when the week has nothing for them', async () => {
      const res = await t.admin.post('/api/notifications/test-digest');
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ channel: 'email', recipient: 'admin@test.local', empty: true });
      const [mail] = await eventually(() => {
        const found = mails('admin@test.local', /nothing needs you/);
        return found.length === 1 && found;
      });
      expect(mail!.parsed.text).toContain('This is the test digest you asked for');
      const editor = await t.editor.post('/api/notifications/test-digest');
      expect(editor.body.empty).toBe(false);
      await eventually(() =>
        sink.mails.some((m) => m.parsed.messageId === `<${editor.body.deliveryId}@keyline.example.com>`),
      );
    });
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two app servers on one PostgreSQL', () => {
  let t: TestServer;
  let sink: SmtpSink;
  let other: { db: Database; services: ReturnType<typeof createServices> };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const env = { SMTP_URL: sink.url, MAIL_FROM: 'Keyline <keyline@example.com>', NOTIFY_POLL_MS: '50' };
    t = await startTestServer('postgres', env);
    const db = await openDatabase(t.testDb.url, { schema: t.testDb.schema });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.testDb.url, LOG_LEVEL: 'silent', ...env });
    other = { db, services: createServices({ config, db, logger: pino({ level: 'silent' }) }) };
  });
  afterAll(async () => {
    await t.services.sender.stop();
    await other.services.sender.stop();
    await other.services.scoring.stop();
    await other.db.close();
    await t.stop();
    await sink.stop();
  });

  it('send each digest exactly once, whether their schedulers or their runs race', async () => {
    const cycle = await buildCycle(t.editor, { startsOn: day(-30), endsOn: day(60), status: 'active' });
    const objective = await buildObjective(t.editor, { cycleId: cycle.id });
    const people: { id: string; email: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const user = await t.admin.post('/api/users', { email: `p${i}@test.local`, name: `Person ${i}`, role: 'editor' });
      await buildKeyResult(t.editor, { objectiveId: objective.id, ownerId: user.body.id, title: `Goal ${i}` });
      people.push(user.body);
    }
    let now = nextMondayUtc(8, 50) + 7 * DAY;
    const clock = () => now;
    const logger = pino({ level: 'silent' });
    const servers = [t, other].map(({ db, services }) => {
      const digest = new WeeklyDigest(db, services.scoring, services.notifier, services.outbox, clock);
      const scheduler = new Scheduler(db, logger, { pollMs: 60_000, clock, timers: false });
      digest.register(scheduler);
      return { digest, scheduler, services };
    });
    for (const s of servers) s.services.sender.start();
    // A job seen for the first time starts from its next slot (09:00); at 09:05 both schedulers race for it.
    await Promise.all(servers.map((s) => s.scheduler.tick()));
    now += 15 * 60_000;
    await Promise.all(servers.map((s) => s.scheduler.tick()));
    const status = await Promise.all(servers.map((s) => s.scheduler.status()));
    expect(status.map((s) => s[0]?.doneSlot)).toEqual([new Date(now - 5 * 60_000).toISOString(), expect.any(String)]);
    // Then both run the job directly, at once, twice over: nothing more is sent.
    const runs = await Promise.all([...servers, ...servers].map((s) => s.digest.run()));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(0);
    await eventually(() => people.every((p) => sink.to(p.email).length >= 1), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    for (const p of people) expect(sink.to(p.email).map((m) => m.parsed.subject)).toHaveLength(1);
    const delivered = (await t.admin.get('/api/notifications/deliveries?status=delivered&limit=200')).body.items;
    expect(delivered.filter((d: any) => d.kind === 'digest')).toHaveLength(people.length);
  });
});
