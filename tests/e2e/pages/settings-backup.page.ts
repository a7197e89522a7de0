import type { Download, Locator, Page } from 'playwright-core';

/** Page object: Settings → Backup (download the JSON backup, restore one with the typed confirmation). */
export class SettingsBackupPage {
  constructor(readonly page: Page) {}

  tabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link');
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings/backup`);
    await this.page.getByRole('heading', { name: 'Backup', level: 2 }).waitFor();
  }

  /** Clicks Download backup and returns the browser's download once it has finished. */
  async download(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    await download.path();
    return download;
  }

  downloadStatus(): Locator {
    return this.page.getByRole('group', { name: 'Download backup' }).getByRole('status');
  }

  fileInput(): Locator {
    return this.page.getByLabel('Backup file (.json)');
  }

  async chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput().setInputFiles(file);
    await this.confirmForm().waitFor();
  }

  confirmForm(): Locator {
    return this.page.getByRole('form', { name: /^Restore “.*”/ });
  }

  confirmWord(): Locator {
    return this.page.getByLabel('Type RESTORE to confirm');
  }

  restoreButton(): Locator {
    return this.page.getByRole('button', { name: 'Replace everything and sign out' });
  }

  async confirmAndRestore(word = 'RESTORE'): Promise<void> {
    await this.confirmWord().fill(word);
    await this.restoreButton().click();
  }

  error(): Locator {
    return this.page.getByRole('group', { name: 'Restore from a backup' }).getByRole('alert');
  }

  restoredSummary(): Locator {
    return this.page.getByRole('region', { name: 'Backup restored' });
  }

  /** "Rows" cell of one table in the restored summary, e.g. restoredCount('Objectives'). */
  restoredCount(table: string): Locator {
    return this.restoredSummary()
      .getByRole('row', { name: new RegExp(`^${table} `) })
      .getByRole('cell');
  }
}
