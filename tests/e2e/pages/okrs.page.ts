import type { Locator, Page } from 'playwright-core';

/** A fresh browser context signed in as this user, at the given viewport width. */
export interface CycleFields {
  name: string;
  startsOn: string;
  endsOn: string;
  status?: 'Planning' | 'Active';
}

export interface KeyResultFields {
  title?: string;
  start?: string;
  target?: string;
  current?: string;
  unit?: string;
  weight?: string;
}

/** Page object: the OKRs of a quarter (/okrs). */
export class OkrsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, cycleId?: string): Promise<void> {
    await this.page.goto(`${baseUrl}/okrs${cycleId ? `?cycle=${cycleId}` : ''}`);
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^OKRs/ });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The error text under a field of the open dialog. */
  fieldError(label: string): Locator {
    return this.dialog()
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.error-text');
  }

  async createCycle(fields: CycleFields): Promise<void> {
    await this.page.getByRole('button', { name: 'New quarter' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
    await dialog.getByLabel('Starts on').fill(fields.startsOn);
    await dialog.getByLabel('Ends on').fill(fields.endsOn);
    if (fields.status) await dialog.getByLabel('Status').selectOption({ label: fields.status });
    await dialog.getByRole('button', { name: 'Create quarter' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Picks a quarter in the switcher by its option text, e.g. "2026-Q4 (active)". */
  async selectCycle(optionLabel: string): Promise<void> {
    await this.page.getByLabel('Quarter').selectOption({ label: optionLabel });
  }

  /** Opens the new-objective dialog from the page header or, with a parent, from that objective. */
  async openNewObjective(parentTitle?: string): Promise<Locator> {
    if (parentTitle) await this.page.getByRole('button', { name: `Add team objective under ${parentTitle}` }).click();
    else
      await this.page
        .getByRole('button', { name: /^(\+ Objective|Add the first objective)$/ })
        .first()
        .click();
    return this.dialog();
  }

  async fillObjective(fields: { title?: string; team?: string; weight?: string }): Promise<void> {
    const dialog = this.dialog();
    if (fields.title !== undefined) await dialog.getByLabel('Title', { exact: true }).fill(fields.title);
    if (fields.team) await dialog.getByLabel('Team').selectOption({ label: fields.team });
    if (fields.weight !== undefined) await dialog.getByLabel('Weight').fill(fields.weight);
  }

  async submitDialog(): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: /^(Add|Save|Create) / })
      .click();
  }

  async openNewKeyResult(objectiveTitle: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Add key result to ${objectiveTitle}` }).click();
    return this.dialog();
  }

  async openEditKeyResult(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Edit key result ${title}` }).click();
    return this.dialog();
  }

  async fillKeyResult(fields: KeyResultFields): Promise<void> {
    const dialog = this.dialog();
    const fill = async (label: string, value: string | undefined) => {
      if (value !== undefined) await dialog.getByLabel(label, { exact: true }).fill(value);
    };
    await fill('Title', fields.title);
    await fill('Start', fields.start);
    await fill('Target', fields.target);
    await fill('Current', fields.current);
    await fill('Unit', fields.unit);
    await fill('Weight', fields.weight);
  }

  /** An objective's list item, found by its title. */
  objective(title: string): Locator {
    return this.page
      .getByTestId('objective')
      .filter({ has: this.page.getByRole('heading', { name: new RegExp(`${escape(title)}$`) }) })
      .first();
  }

  keyResult(title: string): Locator {
    return this.page.getByTestId('kr-row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Every control that edits something: viewers must see none of them. */
  editControls(): Locator {
    return this.page.getByRole('button', {
      name: /^(\+ Objective|New quarter|Edit quarter|Add the first objective|Edit |Delete |Add key result|Add team objective)/,
    });
  }

  /** A filter over the tree: 'Team', 'Owner' or 'Status'. */
  filter(label: 'Team' | 'Owner' | 'Status'): Locator {
    return this.page
      .getByRole('search', { name: 'Filter objectives and key results' })
      .getByLabel(label, { exact: true });
  }

  async setFilter(label: 'Team' | 'Owner' | 'Status', optionLabel: string): Promise<void> {
    await this.filter(label).selectOption({ label: optionLabel });
  }

  /** The live count above the tree ("Showing 2 of 4 objectives · …"). */
  summary(): Locator {
    return this.page.getByRole('status').filter({ hasText: /objectives? · .*key results?/ });
  }

  /** The titles of the objectives on screen, in tree order. */
  async objectiveTitles(): Promise<string[]> {
    const titles = await this.page.getByTestId('objective').getByRole('heading').allTextContents();
    return titles.map((t) => t.replace(/^[▾▸]\s*O[\d.]+\s*/, '').trim());
  }

  /** The titles of the key results on screen, in tree order. */
  async keyResultTitles(): Promise<string[]> {
    return this.page.getByTestId('kr-row').locator('.kr-title a').allTextContents();
  }

  conflictNotice(): Locator {
    return this.dialog().getByRole('alert').filter({ hasText: 'Someone else changed this' });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
