import type { Locator, Page } from 'playwright-core';

/** Page object: the Outcomes screen (/outcomes). */
export class OutcomesScreen {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, search = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/outcomes${search}`);
    await this.page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
    await this.hitRate().waitFor();
  }

  hitRate(): Locator {
    return this.page.getByTestId('hit-rate');
  }

  /** A headline card by its title, e.g. "Moved their KR". */
  card(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  itemRows(): Locator {
    return this.page.getByTestId('outcome-items').locator('tbody tr');
  }

  columnHeader(label: string): Locator {
    return this.page.getByTestId('outcome-items').locator('thead th', { hasText: label });
  }

  async sortBy(label: string): Promise<void> {
    await this.columnHeader(label).getByRole('button').click();
  }

  async show(label: 'Moved nothing' | 'Moved their KR' | 'Waiting for a check-in' | 'All shipped'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Show', exact: true }).selectOption({ label });
  }

  async filterTeam(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label });
  }

  exportLink(): Locator {
    return this.page.getByRole('link', { name: 'Export CSV' });
  }

  calibration(): Locator {
    return this.page.getByTestId('calibration');
  }

  calibrationBars(): Locator {
    return this.calibration().locator('svg .recharts-bar-rectangle');
  }
}
