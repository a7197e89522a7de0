import type { Locator, Page } from 'playwright-core';

export type PlanName = 'By value score' | 'By current rank';

/** Page object: the what-if planner (/planner). */
export class PlannerPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/planner${query}`);
    await this.column('By value score').waitFor();
  }

  capacity(): Locator {
    return this.page.getByLabel('Capacity');
  }

  column(name: PlanName): Locator {
    return this.page
      .getByTestId('plan-column')
      .filter({ has: this.page.getByRole('heading', { level: 2, name, exact: true }) });
  }

  /** Titles of the items that fit, in plan order. */
  async items(name: PlanName): Promise<string[]> {
    return this.column(name)
      .getByTestId('plan-item')
      .locator('.plan-title')
      .evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
  }

  capacityLine(name: PlanName): Locator {
    return this.column(name).getByTestId('capacity-line');
  }

  coverage(name: PlanName): Locator {
    return this.column(name).getByTestId('kr-coverage');
  }

  misaligned(name: PlanName): Locator {
    return this.column(name).getByTestId('plan-misaligned');
  }

  cutLine(name: PlanName): Locator {
    return this.column(name).getByTestId('cut-line');
  }
}
