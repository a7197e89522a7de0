import type { Locator, Page } from 'playwright-core';

/** A toast with this text, found in the polite live region that announces them ("Notifications"). */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status', { name: 'Notifications' }).getByText(text);
}
