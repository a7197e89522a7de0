import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { buildObjective } from '../support/factories';
import { ADMIN, DEFAULT_CONTEXT, useE2e } from './fixture';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { SettingsBackupPage } from './pages/settings-backup.page';
import { SignInPage } from './pages/sign-in.page';

const EDITOR = { email: 'eli@e2e.local', name: 'Eli Editor', password: 'e2e editor password 2026' };
/** The admin a new, empty installation starts with; the restore replaces it with the backup's members. */
const PLACEHOLDER = { email: 'placeholder@e2e.local', password: 'e2e placeholder password 2026' };
const BACKED_UP = 'Grow self-serve revenue (backed up)';
const LATER = 'Cut support load (after the backup)';

/**
 * The server restores only into an empty installation (backup.service.ts),
 * so the round trip is: back up the "source" Keyline, change it, restore the
 * file into a new, empty "target" Keyline, and sign in there with an account
 * from the backup.
 */
describe('settings: backup and restore in the browser', () => {
  // The fixture's server is the source; the target is a second, empty installation.
  const e2e = useE2e();
  let target: ServerProcess;
  let sourceApi: ApiClient;
  const downloads = mkdtempSync(join(tmpdir(), 'keyline-e2e-backup-'));
  let backupFile = '';

  async function signedIn(baseUrl: string, email: string, password: string): Promise<Page> {
    return e2e.signIn({ email, password }, { ...DEFAULT_CONTEXT, acceptDownloads: true }, baseUrl);
  }

  /** Focus scrolled the page; a full-page shot of a scrolled page draws the sticky header mid-page. */
  const atTop = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

  const objectiveTitles = async (api: ApiClient) =>
    ((await api.get('/api/objectives')).body as { title: string }[]).map((o) => o.title).sort();

  beforeAll(async () => {
    target = await startServerProcess({
      KEYLINE_ADMIN_EMAIL: PLACEHOLDER.email,
      KEYLINE_ADMIN_PASSWORD: PLACEHOLDER.password,
    });
    sourceApi = e2e.admin;
    expect(
      (
        await sourceApi.post('/api/users', {
          email: EDITOR.email,
          name: EDITOR.name,
          role: 'editor',
          password: EDITOR.password,
        })
      ).status,
    ).toBe(201);
    await buildObjective(sourceApi, { title: BACKED_UP });
  });

  afterAll(async () => {
    await target?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('downloads a backup holding the workspace, and a Keyline that has data refuses to restore it, changing nothing', async () => {
    const page = await signedIn(e2e.baseUrl, ADMIN.email, ADMIN.password);
    const backup = new SettingsBackupPage(page);
    await backup.open(e2e.baseUrl);
    expect(await backup.tabs().allInnerTexts()).toEqual([
      'Members',
      'Teams',
      'Quarters',
      'Scoring',
      'API tokens',
      'Share links',
      'Backup',
      'Single sign-on',
      'Integrations',
      'Notifications',
      'Outcomes',
    ]);
    expect(await page.getByText('Sign-ins (sessions) and the sign-in attempt log are left out.').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-backup');

    const download = await backup.download();
    expect(download.suggestedFilename()).toMatch(/^keyline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupFile = join(downloads, download.suggestedFilename());
    await download.saveAs(backupFile);
    await expect
      .poll(() => backup.downloadStatus().innerText())
      .toMatch(/^Saved keyline-backup-\d{4}-\d{2}-\d{2}\.json \(\d+ KB\)\.$/);

    const doc = JSON.parse(readFileSync(backupFile, 'utf8')) as {
      format: string;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(doc.format).toBe('keyline-backup');
    expect(doc.tables.objectives?.map((o) => o.title)).toEqual([BACKED_UP]);
    expect(doc.tables.users?.map((u) => u.email).sort()).toEqual([ADMIN.email, EDITOR.email]);
    expect(Object.keys(doc.tables)).not.toContain('sessions');
    // Byte for byte what the server sends: the client saves the answer unparsed.
    expect(readFileSync(backupFile, 'utf8')).toBe(JSON.stringify((await sourceApi.get('/api/backup')).body));

    // A change after the backup.
    await buildObjective(sourceApi, { title: LATER });

    // Restoring into this (non-empty) Keyline: typed confirmation, then the server's 409, nothing changed.
    await backup.chooseFile(backupFile);
    expect(await backup.confirmWord().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await backup.confirmForm().innerText()).toContain('This replaces all current data');
    expect(await backup.restoreButton().isDisabled()).toBe(true);
    await backup.confirmWord().fill('restore');
    expect(await backup.restoreButton().isDisabled()).toBe(true);
    await backup.confirmAndRestore();
    await backup.error().waitFor();
    expect(await backup.error().innerText()).toMatch(
      /^Nothing was restored\. Restore only into an empty installation; this one has .*2 objectives/,
    );
    expect(await backup.error().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await objectiveTitles(sourceApi)).toEqual([LATER, BACKED_UP].sort());
    expect(((await sourceApi.get('/api/users')).body as unknown[]).length).toBe(2);
    await page.reload();
    await page.getByRole('heading', { name: 'Backup', level: 2 }).waitFor();
  });

  it('does not show the Backup tab to an editor, even by its address', async () => {
    const page = await signedIn(e2e.baseUrl, EDITOR.email, EDITOR.password);
    const backup = new SettingsBackupPage(page);
    await page.goto(`${e2e.baseUrl}/settings`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(await backup.tabs().allInnerTexts()).toEqual(['API tokens', 'Share links']);
    await page.goto(`${e2e.baseUrl}/settings/backup`);
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    expect(page.url()).toMatch(/\/settings\/api-tokens$/);
    expect(await page.getByRole('heading', { name: 'Backup' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download backup' }).count()).toBe(0);
  });

  it('refuses broken files with the server’s message, then restores the backup into an empty Keyline and signs in from it', async () => {
    expect(backupFile, 'the first test downloads the backup').not.toBe('');
    const targetApi = new ApiClient(target.baseUrl);
    await targetApi.login(PLACEHOLDER.email, PLACEHOLDER.password);
    const page = await signedIn(target.baseUrl, PLACEHOLDER.email, PLACEHOLDER.password);
    const backup = new SettingsBackupPage(page);
    await backup.open(target.baseUrl);

    // Not JSON at all.
    await backup.chooseFile({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('this is not JSON {'),
    });
    await backup.confirmAndRestore();
    await backup.error().waitFor();
    expect(await backup.error().innerText()).toBe('Nothing was restored. The request body is not valid JSON');

    // JSON, but not a Keyline backup.
    await backup.chooseFile({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'other', tables: {} })),
    });
    expect(await backup.error().count()).toBe(0);
    await backup.confirmAndRestore();
    await backup.error().waitFor();
    expect(await backup.error().innerText()).toContain('Nothing was restored. format: Not a Keyline backup');
    // Nothing changed: still signed in as the placeholder admin, still no objectives.
    expect(await objectiveTitles(targetApi)).toEqual([]);
    expect(((await targetApi.get('/api/auth/me')).body as { user: { email: string } }).user.email).toBe(
      PLACEHOLDER.email,
    );

    // The real backup.
    await backup.chooseFile(backupFile);
    expect(await backup.error().count()).toBe(0);
    await backup.confirmWord().fill('RESTORE');
    expect(await backup.restoreButton().isEnabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await atTop(page);
    await screenshot(page, 'settings-backup-confirm');
    await backup.restoreButton().click();

    await backup.restoredSummary().waitFor();
    expect(
      await page.getByRole('heading', { name: 'Backup restored' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await backup.restoredCount('Objectives').innerText()).toBe('1');
    expect(await backup.restoredCount('Members').innerText()).toBe('2');
    expect(await backup.restoredCount('Quarters').innerText()).toBe('1');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await atTop(page);
    await screenshot(page, 'settings-backup-restored');

    // The server ended the session: the placeholder admin is gone, its session with it.
    expect((await targetApi.get('/api/auth/me')).status).toBe(401);
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const signIn = new SignInPage(page);
    await signIn.signIn(PLACEHOLDER.email, PLACEHOLDER.password);
    await signIn.error().waitFor();

    // An account from the backup signs in, and finds the backed-up data without the later change.
    await signIn.signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const restoredApi = new ApiClient(target.baseUrl);
    await restoredApi.login(ADMIN.email, ADMIN.password);
    expect(await objectiveTitles(restoredApi)).toEqual([BACKED_UP]);
    expect(((await restoredApi.get('/api/users')).body as { email: string }[]).map((u) => u.email).sort()).toEqual([
      ADMIN.email,
      EDITOR.email,
    ]);
  });
});
