import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { launchBrowser, screenshot, seriousAxeViolations } from '../support/browser';
import { ADMIN, freePort, startServerProcess, type ServerProcess } from '../support/server-process';
import { SmtpSink } from '../support/smtp-sink';
import { eventually } from '../support/webhook-receiver';
import { CommentsPart } from './pages/comments.page';
import { SignInPage } from './pages/sign-in.page';
import { dayFromToday as day } from '../support/days';
import { buildUsers } from '../support/factories';

const PM = { email: 'priya@e2e.local', name: 'Priya Patel', password: 'priya e2e password 2026' };
const VIEWER = { email: 'victor@e2e.local', name: 'Victor Vega', password: 'victor e2e password 2026' };
const OTHER = { email: 'vivian@e2e.local', name: 'Vivian Vance', password: 'vivian e2e password 2026' };

/**
 * Comments and mentions end to end: a PM mentions a leader on a KR through
 * the @ picker (keyboard only), the leader's e-mail and digest say so, the
 * leader (a viewer) follows the link and answers, then unsubscribes from
 * mentions with the e-mail's link.
 */
describe('comments and mentions in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let sink: SmtpSink;
  let pmContext: BrowserContext;
  let pm: Page;
  let krId: string;
  let itemId: string;

  async function signedIn(user: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open(server.baseUrl);
    await signIn.signIn(user.email, user.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    [sink, browser] = await Promise.all([new SmtpSink().start(), launchBrowser()]);
    const port = await freePort();
    server = await startServerProcess({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Keyline <keyline@example.com>',
      NOTIFY_POLL_MS: '200',
    });
    const api = new ApiClient(server.baseUrl);
    await api.login(ADMIN.email, ADMIN.password);
    await buildUsers(api, [
      { ...PM, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
      { ...OTHER, role: 'viewer' },
    ]);
    const cycle = await api.post('/api/cycles', {
      name: 'Q4 e2e',
      startsOn: day(-30),
      endsOn: day(60),
      status: 'active',
    });
    const objective = await api.post('/api/objectives', { title: 'Grow self-serve revenue', cycleId: cycle.body.id });
    const kr = await api.post('/api/key-results', {
      objectiveId: objective.body.id,
      title: 'Trial to paid conversion',
      startValue: 4,
      targetValue: 6,
      unit: '%',
    });
    krId = kr.body.id;
    expect(
      (
        await api.post(`/api/key-results/${krId}/check-ins`, {
          value: 4.8,
          confidence: 6,
          note: 'Pricing test slipped',
        })
      ).status,
    ).toBe(201);
    itemId = (await api.post('/api/backlog-items', { title: 'SSO for teams', effort: 5 })).body.id;
    ({ context: pmContext, page: pm } = await signedIn(PM));
  });

  afterAll(async () => {
    await pmContext?.close();
    await browser?.close();
    await server?.stop();
    await sink?.stop();
  });

  it('a PM mentions a viewer through the @ picker, by keyboard, and the mention is e-mailed to them', async () => {
    await pm.goto(`${server.baseUrl}/key-results/${krId}`);
    const thread = CommentsPart.keyResult(pm);
    await thread.root.getByText('No comments yet.').waitFor();
    const box = thread.box();
    await box.click();
    await box.pressSequentially('Can @vi');
    await pm.getByRole('listbox', { name: 'Members to mention' }).waitFor();
    expect(await thread.mentionOptions().allTextContents()).toEqual(['@Victor Vega', '@Vivian Vance']);
    await screenshot(pm, 'comments-mention-picker');
    await box.press('Enter');
    await box.pressSequentially('confirm the pricing test date? https://example.com/plan');
    expect(await box.inputValue()).toBe('Can @Victor Vega confirm the pricing test date? https://example.com/plan');
    await thread.post();
    const comment = thread.comments().first();
    await comment.getByText('Priya Patel').waitFor();
    expect(await comment.locator('.comment-mention').textContent()).toBe('@Victor Vega');
    expect(await comment.getByRole('link', { name: 'https://example.com/plan' }).getAttribute('rel')).toContain(
      'noopener',
    );
    // The KR's audit trail lists the comment.
    await pm.getByTestId('audit-trail').getByText('commented: “Can @Victor Vega confirm').waitFor();
    await screenshot(pm, 'comments-kr-page');
    expect(await seriousAxeViolations(pm)).toEqual([]);

    const [mail] = await eventually(() => sink.to(VIEWER.email).length === 1 && sink.to(VIEWER.email));
    expect(mail!.parsed.subject).toBe('Priya Patel mentioned you on Trial to paid conversion');
    expect(mail!.parsed.text).toMatch(new RegExp(`${server.baseUrl}/key-results/${krId}#comment-`));
  });

  it('the viewer follows the e-mail’s link, sees the comment, answers on the check-in, and their digest lists the mention', async () => {
    const { context, page } = await signedIn(VIEWER);
    try {
      const link = new RegExp(`Reply in Keyline: (\\S+)`).exec(sink.to(VIEWER.email)[0]!.parsed.text ?? '')![1]!;
      await page.goto(link);
      const target = page.locator(`[id="${new URL(link).hash.slice(1)}"]`);
      await target.getByText('Priya Patel').waitFor();
      // Viewers see no edit controls on others' comments, but may comment themselves.
      expect(await target.getByRole('button', { name: 'Edit' }).count()).toBe(0);
      const history = page.getByTestId('check-in-history');
      await history.getByRole('button', { name: 'Comment' }).click();
      const reply = history.getByLabel('Comment on this check-in');
      await reply.pressSequentially('The test starts on the 14th, @pri');
      await page.getByRole('option', { name: '@Priya Patel' }).waitFor();
      await reply.press('Tab');
      await reply.press('Control+Enter');
      await history.getByTestId('comment').getByText('The test starts on the 14th').waitFor();
      await screenshot(page, 'comments-viewer-reply');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The PM, mentioned back, hears about it.
      await eventually(() =>
        sink
          .to(PM.email)
          .some((m) => m.parsed.subject === 'Victor Vega mentioned you on Check-in on Trial to paid conversion'),
      );

      await page.goto(`${server.baseUrl}/profile`);
      await page.getByRole('button', { name: 'Send me a test digest now' }).click();
      const digest = await eventually(() =>
        sink.to(VIEWER.email).find((m) => m.parsed.subject?.startsWith('Your week')),
      );
      expect(digest.parsed.text).toContain('Comments that mention you');
      expect(digest.parsed.text).toContain('Priya Patel on Trial to paid conversion');
    } finally {
      await context.close();
    }
  });

  it('the author edits their comment; anyone comments in the backlog item panel', async () => {
    await pm.goto(`${server.baseUrl}/key-results/${krId}`);
    const thread = CommentsPart.keyResult(pm);
    const mine = thread.comments().first();
    await mine.getByRole('button', { name: 'Edit' }).click();
    const edit = mine.getByLabel('Edit your comment');
    await edit.fill('Can @Victor Vega confirm the pricing test date, please?');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('· edited').waitFor();

    await pm.goto(`${server.baseUrl}/backlog/${itemId}`);
    const panel = new CommentsPart(pm, pm.getByRole('region', { name: 'Discussion' }));
    await panel.box('Comment on this item').fill('Blocked on the IdP contract.');
    await panel.post('Comment on this item');
    await panel.comments().getByText('Blocked on the IdP contract.').waitFor();
    await screenshot(pm, 'comments-item-panel');
  });

  it('the viewer unsubscribes from mentions with the e-mail’s link; the next mention sends nothing', async () => {
    const mail = sink.to(VIEWER.email).find((m) => m.parsed.subject?.includes('mentioned you'))!;
    const link = /Unsubscribe from mentions: (\S+)/.exec(mail.parsed.text ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/unsubscribe\\?token=`));
    const stranger = await browser.newContext({ viewport: { width: 390, height: 760 } });
    try {
      const outside = await stranger.newPage();
      await outside.goto(link!);
      await outside.getByRole('button', { name: 'Unsubscribe from mentions' }).click();
      await outside.getByText('gets no more mentions from Keyline').waitFor();
    } finally {
      await stranger.close();
    }
    const before = sink.to(VIEWER.email).length;
    const api = new ApiClient(server.baseUrl);
    await api.login(PM.email, PM.password);
    expect(
      (await api.post(`/api/comments?subject=key_result:${krId}`, { body: '@Victor Vega one more thing' })).status,
    ).toBe(201);
    // Another member mentioned in the same breath still gets theirs: the sender is running.
    expect((await api.post(`/api/comments?subject=key_result:${krId}`, { body: '@Vivian Vance FYI' })).status).toBe(
      201,
    );
    await eventually(() => sink.to(OTHER.email).length === 1);
    expect(sink.to(VIEWER.email)).toHaveLength(before);
  });
});
