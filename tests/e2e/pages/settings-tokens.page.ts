import type { Locator, Page } from 'playwright-core';

/** Page object: the settings tabs beyond members and teams — API tokens, share links, quarters. */
export class SettingsTokensPage {
  constructor(readonly page: Page) {}

  tabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link');
  }

  async openTab(baseUrl: string, path: 'api-tokens' | 'share-links' | 'quarters', heading: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/${path}`);
    await this.page.getByRole('heading', { name: heading, level: 2 }).waitFor();
  }

  tokenRow(name: string): Locator {
    return this.page
      .getByTestId('api-token-row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** Creates a token and returns its secret, as shown once on screen. */
  async createToken(name: string, access: 'Read only' | 'Read and write'): Promise<string> {
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Access').selectOption({ label: access });
    await this.page.getByRole('button', { name: 'Create token' }).click();
    const secret = this.page.getByLabel(`API token ${name}`);
    await secret.waitFor();
    return secret.inputValue();
  }

  createdPanel(): Locator {
    return this.page.getByRole('region', { name: /Token “.*” created/ });
  }

  async revokeToken(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.page
      .getByRole('group', { name: `Confirm revoking ${name}` })
      .getByRole('button', { name: 'Revoke' })
      .click();
  }

  cadenceInput(): Locator {
    return this.page.getByLabel('Check-in due after (days)');
  }

  async saveCadence(days: number): Promise<void> {
    await this.cadenceInput().fill(String(days));
    await this.page.getByRole('button', { name: 'Save cadence' }).click();
  }
}
