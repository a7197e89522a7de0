import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { ChatReceiver } from '../support/chat-receiver';
import { freePort } from '../support/server-process';
import { ADMIN, useE2e } from './fixture';
import { SmtpSink } from '../support/smtp-sink';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';
import { NotificationSettingsPage, ProfilePage } from './pages/notifications.page';

describe('notifications in the browser: settings, profile, test digest, unsubscribe', () => {
  let sink: SmtpSink;
  let chat: ChatReceiver;
  let hooks: WebhookReceiver;
  // The receivers start first: the server is told where mail goes.
  const e2e = useE2e({
    env: async () => {
      [sink, chat, hooks] = await Promise.all([
        new SmtpSink().start(),
        new ChatReceiver().start(),
        new WebhookReceiver().start(),
      ]);
      const port = await freePort();
      return {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SMTP_URL: sink.url,
        MAIL_FROM: 'Keyline <keyline@example.com>',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        NOTIFY_POLL_MS: '200',
      };
    },
  });
  let page: Page;

  beforeAll(async () => {
    const api = e2e.admin;
    expect((await api.post('/api/teams', { name: 'Growth' })).status).toBe(201);
    page = await e2e.signIn(ADMIN, { viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await Promise.all([sink?.stop(), chat?.stop(), hooks?.stop()]);
  });

  it('an admin sees e-mail is on, adds a Slack channel and a webhook, and the test message shows in the log', async () => {
    const settings = new NotificationSettingsPage(page);
    await settings.open(e2e.baseUrl);
    await page.getByText('● On').first().waitFor();
    await page.getByText('Nothing sent yet.', { exact: false }).waitFor();
    await screenshot(page, 'notifications-settings-empty');

    await settings.addChatChannel({
      platform: 'Slack',
      name: '#okrs',
      url: chat.url('/slack/T1/B1/secretpart'),
      events: ['Quarter closed'],
    });
    const channel = settings.chatChannel('#okrs');
    await channel.getByText('● Active').waitFor();
    expect(await channel.textContent()).not.toContain('secretpart');
    await channel.getByRole('button', { name: 'Send a test message' }).click();
    await channel.getByText('Test queued').waitFor();
    await eventually(() => chat.at('/slack/T1/B1/secretpart').length === 1);

    await settings.addWebhook(hooks.url('/keyline'), ['Check-ins', 'Comments']);
    await expect.poll(() => page.getByTestId('webhook-secret').inputValue()).toMatch(/^whsec_/);
    await screenshot(page, 'notifications-settings-webhook-secret');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = settings.deliveryRows().filter({ hasText: '#okrs (Slack)' });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Delivered');
    await screenshot(page, 'notifications-settings');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a person picks chat for mentions, their time zone and teams, and gets a test digest by e-mail', async () => {
    const profile = new ProfilePage(page);
    // The name in the top bar leads to one's own notification settings.
    await page.getByRole('link', { name: 'Administrator' }).click();
    await page.getByRole('heading', { name: 'What Keyline sends you' }).waitFor();
    await profile.choice('Mentions', 'Chat').check();
    await page.getByLabel('Your time zone').selectOption('Europe/Berlin');
    await page.getByLabel('Growth').check();
    await profile.save();
    await page.reload();
    await page.getByRole('heading', { name: 'What Keyline sends you' }).waitFor();
    expect(await profile.choice('Mentions', 'Chat').isChecked()).toBe(true);
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Europe/Berlin');

    await page.getByRole('button', { name: 'Send me a test digest now' }).click();
    await page.getByText(`Sent by e-mail to ${ADMIN.email}`).waitFor();
    await eventually(() => sink.to(ADMIN.email).length === 1);
    await screenshot(page, 'profile');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the e-mail’s unsubscribe link works without signing in, and the profile shows the digest off', async () => {
    const [mail] = sink.to(ADMIN.email);
    const link = /Unsubscribe from weekly digest: (\S+)/.exec(mail!.parsed.text ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/unsubscribe\\?token=`));
    const stranger = await e2e.browser.newContext({ viewport: { width: 390, height: 760 } });
    try {
      const outside = await stranger.newPage();
      await outside.goto(link!);
      await outside.getByRole('heading', { name: 'Unsubscribe' }).waitFor();
      await outside.getByText(/Stop sending weekly digest to a\*\*\*@e2e\.local\?/).waitFor();
      await screenshot(outside, 'unsubscribe');
      expect(await seriousAxeViolations(outside)).toEqual([]);
      await outside.getByRole('button', { name: 'Unsubscribe from weekly digest' }).click();
      await outside.getByText('gets no more weekly digest from Keyline').waitFor();
      await screenshot(outside, 'unsubscribe-done');
    } finally {
      await stranger.close();
    }
    const profile = new ProfilePage(page);
    await profile.open(e2e.baseUrl);
    expect(await profile.choice('Weekly digest', 'Off').isChecked()).toBe(true);
  });
});
