import type { Locator, Page } from 'playwright-core';
import { toast } from './toasts';

/** Page object: the backlog grooming table (/backlog) and its item panel. */
export class BacklogPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/backlog${query}`);
    await this.ready();
  }

  /** After a navigation or reload: the heading and the count are there once the first page loaded. */
  async ready(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Backlog', level: 1 }).waitFor();
    await this.count()
      .filter({ hasText: /\d+ items?/ })
      .waitFor();
  }

  /** The live count under the heading ("3 items match these filters"). */
  count(): Locator {
    return this.page.getByRole('region', { name: 'Backlog', exact: true }).getByRole('status').first();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Backlog items' });
  }

  row(title: string): Locator {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Titles of the rows on screen, top to bottom. */
  titles(): Promise<string[]> {
    // Each item row links its title to the item panel; the header and loading rows have no link.
    return this.table().getByRole('row').getByRole('link').allTextContents();
  }

  countText(): Promise<string> {
    return this.count().innerText();
  }

  createInput(): Locator {
    return this.page.getByLabel('New item title');
  }

  async createItem(title: string): Promise<void> {
    await this.createInput().fill(title);
    await this.createInput().press('Enter');
    await this.row(title).waitFor();
  }

  async focusRow(title: string): Promise<void> {
    await this.row(title).focus();
  }

  pickerDialog(): Locator {
    return this.page.getByRole('dialog', { name: /to a key result/ });
  }

  /** T on the focused row, type to find the KR, Enter picks it, an optional 1–3 sets strength, Enter tags. */
  async tagWithKeyboard(title: string, krQuery: string, strength?: 1 | 2 | 3): Promise<void> {
    await this.focusRow(title);
    await this.page.keyboard.press('t');
    await this.completePicker(krQuery, strength);
  }

  async completePicker(krQuery: string, strength?: 1 | 2 | 3): Promise<void> {
    await this.pickerDialog().getByRole('combobox', { name: 'Find a key result' }).waitFor();
    await this.page.keyboard.type(krQuery);
    await this.page.keyboard.press('Enter');
    await this.pickerDialog()
      .getByRole('radio', { name: /2 · Helps/ })
      .waitFor();
    if (strength) await this.page.keyboard.press(String(strength));
    await this.page.keyboard.press('Enter');
    await this.pickerDialog().waitFor({ state: 'detached' });
  }

  /** The KR chips of a row, as their accessible text ("Activation rate…, strength 2 of 3"). */
  chips(title: string): Promise<string[]> {
    return this.row(title).locator('.bl-chip .sr-only').allTextContents();
  }

  async sortBy(header: string): Promise<void> {
    await this.table().getByRole('columnheader').getByRole('button', { name: header, exact: true }).click();
  }

  noKrLink(): Locator {
    return this.page.getByRole('checkbox', { name: 'No KR link' });
  }

  estimateButton(title: string, label: string): Locator {
    return this.row(title).getByRole('button', { name: new RegExp(`^${label} of "${escape(title)}"`) });
  }

  async startEditing(title: string, label: string): Promise<Locator> {
    await this.estimateButton(title, label).click();
    const input = this.row(title).getByRole('textbox', { name: `${label} of "${title}"` });
    await input.waitFor();
    return input;
  }

  async editEstimate(title: string, label: string, value: string): Promise<void> {
    const input = await this.startEditing(title, label);
    await input.fill(value);
    await input.press('Enter');
    await this.estimateButton(title, label).waitFor();
  }

  estimateText(title: string, label: string): Promise<string> {
    return this.estimateButton(title, label).innerText();
  }

  async checkRow(title: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.row(title)
      .getByRole('checkbox', { name: `Select "${title}"` })
      .click({ modifiers: options.shift ? ['Shift'] : [] });
  }

  batchBar(): Locator {
    return this.page.getByRole('region', { name: 'Selected items' });
  }

  toast(text: string | RegExp): Locator {
    return toast(this.page, text);
  }

  announcer(): Locator {
    return this.page.getByTestId('backlog-announcer');
  }

  panel(): Locator {
    return this.page.getByRole('complementary');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
