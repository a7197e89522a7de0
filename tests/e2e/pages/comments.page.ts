import type { Locator, Page } from 'playwright-core';

/** Page object: a comment thread (KR page discussion, check-in replies, the item panel). */
export class CommentsPart {
  constructor(
    readonly page: Page,
    /** The section or element that holds the thread. */
    readonly root: Locator,
  ) {}

  static keyResult(page: Page): CommentsPart {
    return new CommentsPart(page, page.getByRole('region', { name: 'Discussion' }));
  }

  box(label = 'Comment on this key result'): Locator {
    return this.root.getByLabel(label);
  }

  /** Types text; `@query` opens the member list, and ArrowDown×n + Enter picks from it. */
  async typeWithMention(before: string, query: string, downs: number, after: string, label?: string): Promise<void> {
    const box = this.box(label);
    await box.click();
    await box.pressSequentially(`${before}@${query}`);
    await this.page.getByRole('listbox', { name: 'Members to mention' }).waitFor();
    for (let i = 0; i < downs; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await box.pressSequentially(after);
  }

  mentionOptions(): Locator {
    return this.page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option');
  }

  async post(label?: string): Promise<void> {
    await this.box(label).press('Control+Enter');
  }

  comments(): Locator {
    return this.root.getByTestId('comment');
  }
}
