import type { Locator, Page } from 'playwright-core';

/** Page object: grading a quarter (/cycles/:id/grades). */
export class GradesPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Grades · / });
  }

  row(krTitle: string): Locator {
    return this.page
      .getByTestId('grade-row')
      .filter({ has: this.page.getByRole('heading', { name: krTitle, exact: true }) });
  }

  objective(title: string): Locator {
    return this.page
      .getByTestId('grade-objective')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Sets the grade (and note) of one KR and saves it, waiting for the toast. */
  async grade(krTitle: string, grade: string | null, note?: string): Promise<void> {
    const row = this.row(krTitle);
    if (grade !== null) await row.getByLabel('Grade', { exact: true }).fill(grade);
    if (note !== undefined) await row.getByLabel('Retro note').fill(note);
    await row.getByRole('button', { name: 'Save grade' }).click();
    await this.page.getByRole('status').getByText(`Graded “${krTitle}”`).waitFor();
  }
}

/** Page object: the guided close (/cycles/:id/close). */
export class CloseWizardPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  step(n: number): Locator {
    return this.page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${n} of 3`) });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  carryOption(krTitle: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: krTitle }).getByRole('checkbox');
  }

  summary(): Locator {
    return this.page.getByTestId('close-summary');
  }

  result(): Locator {
    return this.page.getByTestId('close-result');
  }
}
