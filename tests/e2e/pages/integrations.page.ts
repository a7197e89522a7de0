import type { Locator, Page } from 'playwright-core';

/** Page object: Settings → Integrations. */
export class IntegrationsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/integrations`);
    await this.page.getByRole('heading', { name: 'Integrations', level: 2 }).waitFor();
  }

  connection(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  async addJira(input: { name: string; site: string; email: string; token: string; jql: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add connection' }).click();
    const form = this.page.getByRole('form', { name: 'Add a connection' });
    await form.getByLabel('Jira Cloud').check();
    await form.getByLabel('Name').fill(input.name);
    await form.getByLabel('Site address').fill(input.site);
    await form.getByLabel('Account e-mail').fill(input.email);
    await form.getByLabel('API token').fill(input.token);
    await form.getByLabel('JQL').fill(input.jql);
    await form.getByLabel('Team from').selectOption({ label: 'Components' });
    await form.getByRole('button', { name: 'Add connection' }).click();
  }

  webhookSecret(): Locator {
    return this.page.getByRole('textbox', { name: 'Webhook secret' });
  }
}
