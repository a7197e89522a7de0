import type { Locator, Page } from 'playwright-core';

/** Page object: the leadership dashboard, signed in (/dashboard) or through a share link (/shared/:token). */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/dashboard${query}`);
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /data as of/ });
  }

  riskSummary(): Locator {
    return this.page.getByTestId('risk-summary');
  }

  atRisk(): Locator {
    return this.page.getByTestId('at-risk-list').getByRole('listitem');
  }

  objective(title: string): Locator {
    return this.page
      .getByTestId('dash-objective')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** The KR small multiples, once Recharts has drawn them. */
  charts(): Locator {
    return this.page.getByTestId('kr-trend').locator('svg.recharts-surface');
  }

  shareDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Share the dashboard' });
  }

  /** Creates a share link through the Share dialog and returns the address it shows once. */
  async createShareLink(name: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Share' }).click();
    const dialog = this.shareDialog();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create link' }).click();
    return dialog.getByTestId('created-share-url').inputValue();
  }

  async revokeShareLink(name: string): Promise<void> {
    const dialog = this.shareDialog();
    await dialog.getByRole('button', { name: `Revoke ${name}` }).click();
    await dialog.getByRole('button', { name: `Revoke “${name}”` }).click();
    await dialog.getByTestId('share-link-row').filter({ hasText: name }).getByText('Revoked').waitFor();
  }
}
