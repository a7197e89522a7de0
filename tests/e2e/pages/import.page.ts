import type { Locator, Page } from 'playwright-core';

/** Page object: the import and export screen (/import). */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/import`);
    await this.page.getByRole('heading', { name: 'Import and export', level: 1 }).waitFor();
  }

  /** Chooses a file through the file input, as a user picking it in the dialog. */
  async upload(path: string): Promise<void> {
    await this.page.getByLabel('CSV file').setInputFiles(path);
    await this.preview().waitFor();
  }

  preview(): Locator {
    return this.page.getByRole('heading', { name: 'Preview', level: 2 });
  }

  format(): Promise<string> {
    return this.page.getByText(/^(Jira export|Generic CSV)$/).innerText();
  }

  /** The four counts, e.g. { 'to create': 10, 'with errors': 0 }. */
  async counts(): Promise<Record<string, number>> {
    const items = await this.page
      .getByRole('list', { name: 'What the import would do' })
      .getByRole('listitem')
      .allInnerTexts();
    return Object.fromEntries(
      items.map((text) => {
        const [, value = '', label = ''] = /^([\d,.\s]+)\s(.+)$/.exec(text.replace(/\n/g, ' ').trim()) ?? [];
        return [label.trim(), Number(value.replace(/\D/g, ''))];
      }),
    );
  }

  errorRows(): Locator {
    return this.page.getByRole('table', { name: 'Rows that cannot be imported' }).locator('tbody tr');
  }

  /** Picks the Keyline field a column fills, then waits for the preview to follow. */
  async mapColumn(column: string, field: string): Promise<void> {
    await this.page.getByLabel(`Field for column ${column}`, { exact: true }).selectOption({ label: field });
    await this.page
      .getByRole('status')
      .filter({ hasText: 'Reading the file…' })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  applyButton(): Locator {
    return this.page.getByRole('button', { name: /^(Apply|Nothing to apply)/ });
  }

  result(): Locator {
    return this.page.getByRole('status', { name: 'Import result' });
  }
}
