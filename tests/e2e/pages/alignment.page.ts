import type { Locator, Page } from 'playwright-core';
import { toast } from './toasts';

/** Page object: the alignment view (/alignment) and the scoring settings (/scoring). */
export class AlignmentPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/alignment`);
    await this.page.getByRole('heading', { name: 'Alignment', level: 1 }).waitFor();
    await this.misalignedEffort().waitFor();
  }

  misalignedEffort(): Locator {
    return this.page.getByTestId('misaligned-effort');
  }

  krCoverage(): Locator {
    return this.page.getByTestId('kr-coverage');
  }

  flagCount(code: string): Locator {
    return this.page.getByTestId(`flag-count-${code}`);
  }

  /** The button that opens or closes a group of the flagged list, e.g. "Not scorable". */
  groupToggle(label: string): Locator {
    return this.page.getByRole('heading', { level: 3, name: label }).getByRole('button');
  }

  /** The rows of one flag group (by code, e.g. UNALIGNED). */
  rows(code: string): Locator {
    return this.page.locator(`#flag-group-${code} .flag-row`);
  }

  row(code: string, title: string): Locator {
    return this.rows(code).filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async tagFromSuggestion(code: string, itemTitle: string, keyResultTitle: string): Promise<void> {
    await this.row(code, itemTitle)
      .getByRole('button', { name: `Tag to ${keyResultTitle}` })
      .click();
  }

  async fillEstimate(code: string, itemTitle: string, label: string, value: string): Promise<void> {
    const row = this.row(code, itemTitle);
    await row.getByLabel(`${label} of ${itemTitle}`).fill(value);
    await row.getByRole('button', { name: 'Save estimates' }).click();
  }

  noWorkList(): Locator {
    return this.page.getByTestId('no-work-list');
  }

  toast(text: string): Locator {
    return toast(this.page, text);
  }

  /** The breakdown shown while a score button has focus. */
  async breakdownOnFocus(code: string, itemTitle: string): Promise<string> {
    await this.row(code, itemTitle)
      .getByRole('button', { name: /^Value score of / })
      .focus();
    const tooltip = this.row(code, itemTitle).getByRole('tooltip');
    await tooltip.waitFor();
    return (await tooltip.textContent()) ?? '';
  }
}

export class ScoringSettingsPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/scoring`);
    await this.page.getByRole('heading', { name: 'Scoring', level: 1 }).waitFor();
  }

  async chooseFramework(label: 'RICE' | 'WSJF' | 'ICE' | 'Custom'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${label}\\b`) }).check();
  }

  newTopFive(): Locator {
    return this.page.getByTestId('preview-next');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save scoring' }).click();
  }

  conflict(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Someone else changed this' });
  }

  status(): Locator {
    return this.page.getByRole('status', { name: 'Save state' });
  }
}
