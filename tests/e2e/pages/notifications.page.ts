import type { Locator, Page } from 'playwright-core';

/** Page object: Settings → Notifications (admins). */
export class NotificationSettingsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/notifications`);
    await this.page.getByRole('heading', { name: 'Notifications', level: 2 }).waitFor();
  }

  async addChatChannel(input: { platform: 'Slack' | 'Microsoft Teams'; name: string; url: string; events: string[] }) {
    await this.page.getByRole('button', { name: 'Add a chat channel' }).click();
    const form = this.page.getByRole('form', { name: 'Add a chat channel' });
    await form.getByLabel('Platform').selectOption({ label: input.platform });
    await form.getByLabel('Name').fill(input.name);
    await form.getByLabel('Incoming webhook URL').fill(input.url);
    for (const event of input.events) await form.getByLabel(event).check();
    await form.getByRole('button', { name: 'Add channel' }).click();
  }

  chatChannel(name: string): Locator {
    return this.page.getByTestId('chat-channel').filter({ hasText: name });
  }

  async addWebhook(url: string, events: string[]) {
    await this.page.getByRole('button', { name: 'Add a webhook' }).click();
    const form = this.page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Payload URL').fill(url);
    for (const event of events) await form.getByLabel(event).check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
  }

  deliveryRows(): Locator {
    return this.page.getByTestId('delivery-row');
  }
}

/** Page object: the profile page (/profile), where people choose what Keyline sends them. */
export class ProfilePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/profile`);
    await this.page.getByRole('heading', { name: 'What Keyline sends you' }).waitFor();
  }

  choice(kind: string, channel: 'E-mail' | 'Chat' | 'Off'): Locator {
    return this.page.getByRole('radio', { name: `${kind}: ${channel}` });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByText('Saved.').waitFor();
  }
}
