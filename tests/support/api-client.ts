/**
 * A tiny HTTP client for tests: real fetch against the real server, with a
 * cookie jar per "browser" and the same-origin Origin header a browser sends.
 */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** The session cookie this client sends (`keyline_session=...`), or '' when it has none. */
  get sessionCookie(): string {
    return this.cookie;
  }

  /** Sends this cookie from now on: lets a test replay an old session to prove it has ended. */
  useSessionCookie(cookie: string): this {
    this.cookie = cookie;
    return this;
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { body, headers });
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, { body, headers });
  }
  patch<T = any>(path: string, body: unknown, version?: number, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, {
      body,
      headers: { ...(version !== undefined && { 'if-match': `"${version}"` }), ...headers },
    });
  }
  delete<T = any>(path: string, version?: number, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, {
      headers: { ...(version !== undefined && { 'if-match': `"${version}"` }), ...headers },
    });
  }

  async login(email: string, password: string): Promise<ApiResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}
