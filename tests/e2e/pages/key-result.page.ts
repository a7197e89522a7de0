import type { Locator, Page } from 'playwright-core';

/** Page object: one key result (/key-results/:id). */
export class KeyResultPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, id: string): Promise<void> {
    await this.page.goto(`${baseUrl}/key-results/${id}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "40 → 31 → 25 tickets" */
  trajectory(): Locator {
    return this.page.getByTestId('kr-trajectory');
  }

  /** "55% done, pace expects 71%" */
  pace(): Locator {
    return this.page.getByTestId('kr-pace');
  }

  header(): Locator {
    return this.page.locator('header.kr-header');
  }

  caption(): Locator {
    return this.page.getByTestId('check-in-figure').locator('figcaption');
  }

  /** The check-ins drawn in the SVG chart (start and carried points are not check-ins). */
  chartDots(): Locator {
    return this.page.getByTestId('check-in-figure').locator('svg .check-in-dot');
  }

  /** A line of the chart by its stroke: the value line is #0072B2, the confidence line #D55E00. */
  chartLine(stroke: '#0072B2' | '#D55E00'): Locator {
    return this.page.getByTestId('check-in-figure').locator(`svg path.recharts-line-curve[stroke="${stroke}"]`);
  }

  /** Where linked items shipped (◆ at the top of a vertical line; the title names the item and outcome). */
  shippedMarkers(): Locator {
    return this.page.getByTestId('check-in-figure').locator('svg .shipped-marker');
  }

  /** "What moved this key result": one row per shipped item. */
  whatMovedItems(): Locator {
    return this.page.getByTestId('what-moved').locator('li');
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('button', { name: 'View as table' }).click();
  }

  async showChart(): Promise<void> {
    await this.page.getByRole('button', { name: 'View as chart' }).click();
  }

  tableRows(): Locator {
    return this.page.getByTestId('check-in-figure').locator('table tbody tr');
  }

  checkInForm(): Locator {
    return this.page.getByRole('form', { name: 'Check in' });
  }

  /** Fills the check-in form and posts it with Ctrl+Enter from the note, or with the button. */
  async postCheckIn(
    fields: { value: string; confidence: string; note?: string },
    via: 'keyboard' | 'button' = 'button',
  ): Promise<void> {
    const form = this.checkInForm();
    await form.getByLabel('Value').fill(fields.value);
    await form.getByLabel('Confidence (0–10)').fill(fields.confidence);
    const note = form.getByLabel('What changed? Blockers?');
    await note.fill(fields.note ?? '');
    if (via === 'keyboard') await note.press('Control+Enter');
    else await form.getByRole('button', { name: /Post check-in/ }).click();
  }

  historyItems(): Locator {
    return this.page.getByTestId('check-in-history').locator('li');
  }

  linkedItems(): Locator {
    return this.page.getByTestId('linked-items').locator('li');
  }

  auditEntries(): Locator {
    return this.page.getByTestId('audit-trail').locator('li');
  }
}
