import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { launchBrowser } from '../support/browser';
import { ADMIN, startServerProcess, type ServerProcess } from '../support/server-process';
import { SignInPage } from './pages/sign-in.page';

export { ADMIN };

export interface Credentials {
  email: string;
  password: string;
}

export interface E2eOptions {
  /** Extra environment for the server process (secrets, OpenID settings, a client build). */
  env?: () => Record<string, string> | Promise<Record<string, string>>;
}

/** The server, the browser and sign-in that every e2e file shares. */
export interface E2e {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** An API client signed in as the seeded admin, for set-up through the API. */
  readonly admin: ApiClient;
  /** A fresh browser context (closed after the file) on a page not yet signed in. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh browser context signed in as `user` (the admin by default), on the home page. */
  signIn(user?: Credentials, options?: BrowserContextOptions, baseUrl?: string): Promise<Page>;
}

export const DEFAULT_CONTEXT: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * Starts Keyline and Chromium before the file's tests and stops both after
 * them. Call it at the top of a `describe`: hooks registered after it run
 * after the server is up.
 */
export function useE2e(options: E2eOptions = {}): E2e {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let admin: ApiClient | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useE2e: the server is not started yet (use it inside a test or hook)');
    return value;
  };

  beforeAll(async () => {
    const env = (await options.env?.()) ?? {};
    [server, browser] = await Promise.all([startServerProcess(env), launchBrowser()]);
    admin = new ApiClient(server.baseUrl);
    await admin.login(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const e2e: E2e = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get baseUrl() {
      return started(server).baseUrl;
    },
    get admin() {
      return started(admin);
    },
    async newPage(contextOptions = DEFAULT_CONTEXT) {
      const context = await started(browser).newContext(contextOptions);
      contexts.push(context);
      return context.newPage();
    },
    async signIn(user = ADMIN, contextOptions = DEFAULT_CONTEXT, baseUrl = e2e.baseUrl) {
      const page = await e2e.newPage(contextOptions);
      const signIn = new SignInPage(page);
      await signIn.open(baseUrl);
      await signIn.signIn(user.email, user.password);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      return page;
    },
  };
  return e2e;
}

/** A context with animations off (charts draw at once) at a given width. */
export const motionless = (width = 1280): BrowserContextOptions => ({
  viewport: { width, height: 800 },
  reducedMotion: 'reduce',
});
