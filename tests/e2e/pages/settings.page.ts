import type { Locator, Page } from 'playwright-core';

/** Page object: admin settings (/settings) — members and teams. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async openMembers(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/settings`);
    await this.page.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
  }

  async openTeams(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Teams' }).click();
    await this.page.getByRole('heading', { name: 'Teams', level: 2 }).waitFor();
  }

  memberRow(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  /** Invites a member and returns the password the server generated, as shown once on screen. */
  async invite(email: string, name: string, role: 'Admin' | 'Editor' | 'Viewer'): Promise<string> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Role', { exact: true }).selectOption({ label: role });
    await this.page.getByRole('button', { name: 'Invite' }).click();
    const password = this.page.getByLabel(`Password for ${name}`);
    await password.waitFor();
    return password.inputValue();
  }

  generatedPanel(): Locator {
    return this.page.getByRole('region', { name: /can now sign in/ });
  }

  teamItem(name: string): Locator {
    return this.page.getByRole('list', { name: 'Teams' }).getByRole('listitem').filter({ hasText: name });
  }

  async createTeam(name: string): Promise<void> {
    await this.page.getByLabel('New team').fill(name);
    await this.page.getByRole('button', { name: 'Create team' }).click();
    await this.teamItem(name).waitFor();
  }

  async renameTeam(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${from}` }).click();
    const input = this.page.getByLabel(`New name for ${from}`);
    await input.fill(to);
    await input.press('Enter');
    await this.page.getByRole('button', { name: `Rename ${to}` }).waitFor();
  }

  async deleteTeam(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}` }).click();
    await this.page
      .getByRole('group', { name: `Confirm deleting ${name}` })
      .getByRole('button', { name: 'Delete' })
      .click();
  }
}
