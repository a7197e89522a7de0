/**
 * What a browser does during a single sign-on, over plain HTTP: follows
 * redirects, keeps each host's cookies, and fills in the provider's own
 * login form (any password) and consent form. For integration tests; the
 * e2e test does the same in Chromium.
 */
export class BrowserLike {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string): void {
    const jar = this.jars.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(host, jar);
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.host);
    const headers: Record<string, string> = {};
    if (jar?.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = target.origin;
    }
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      const hostJar = this.jars.get(target.host) ?? new Map<string, string>();
      if (expired) hostJar.delete(name);
      else hostJar.set(name, value);
      this.jars.set(target.host, hostJar);
    }
    return res;
  }
}

export interface FlowResult {
  /** Keyline's last answer: the redirect after the callback. */
  location: string;
  /** The callback URL the provider sent the browser to. */
  callbackUrl: string;
}

/**
 * Starts at Keyline's /api/auth/oidc/start, signs in at the provider as
 * `login`, consents, and returns where Keyline's callback redirects.
 * `beforeCallback` may rewrite the callback URL (a tampered state).
 */
export async function signInThroughProvider(
  browser: BrowserLike,
  keylineUrl: string,
  login: string,
  options: { returnTo?: string; beforeCallback?: (url: URL) => URL } = {},
): Promise<FlowResult> {
  let url = `${keylineUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent(options.returnTo ?? '/backlog')}`;
  let callbackUrl = '';
  for (let step = 0; step < 20; step += 1) {
    const isCallback = url.startsWith(`${keylineUrl}/api/auth/oidc/callback`);
    if (isCallback) {
      const rewritten = options.beforeCallback ? options.beforeCallback(new URL(url)) : new URL(url);
      url = rewritten.toString();
      callbackUrl = url;
    }
    const res = await browser.fetch(url);
    const location = res.headers.get('location');
    if (isCallback) {
      if (!location) throw new Error(`Callback answered ${res.status} without a redirect: ${await res.text()}`);
      return { location, callbackUrl };
    }
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    // The provider's own page: its login form, then its consent form.
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`No form on ${url}: ${html.slice(0, 300)}`);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login, password: 'any password at all' } : { prompt };
    const posted = await browser.fetch(new URL(action, url).toString(), { method: 'POST', form });
    const next = posted.headers.get('location');
    if (!next) throw new Error(`Form ${action} answered ${posted.status} without a redirect`);
    url = new URL(next, url).toString();
  }
  throw new Error('Too many redirects');
}
