/*
 * HTTP to a tracker, with the fault rules of the sync: 429 (and GitHub's
 * rate-limit 403) wait for Retry-After / the reset time; 5xx, timeouts and
 * network failures retry with exponential backoff; 401/403 are the token's
 * fault and stop at once. Errors carry words an admin can act on and never
 * the request's headers (the token is in them).
 */

export type TrackerErrorKind = 'auth' | 'not-found' | 'bad-request' | 'rate-limited' | 'unavailable' | 'gone';

export class TrackerError extends Error {
  constructor(
    readonly kind: TrackerErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  /** Attempts per request in all (first try included). */
  attempts: number;
  /** First backoff; doubles each retry, with jitter. */
  baseMs: number;
  /** A Retry-After longer than this fails the request (the next run carries on) instead of holding the run. */
  maxWaitMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, maxWaitMs: 120_000, timeoutMs: 30_000 };

export interface TrackerResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface TrackerRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: unknown;
  /** Statuses the caller handles itself (e.g. 404 on removing a label that is gone). */
  accept?: number[];
}

export class TrackerHttp {
  constructor(
    readonly trackerName: string,
    readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async request(url: string, req: TrackerRequest): Promise<TrackerResponse> {
    const { attempts, baseMs, maxWaitMs, timeoutMs } = this.policy;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: req.method ?? 'GET',
          headers: {
            accept: 'application/json',
            ...(req.body !== undefined && { 'content-type': 'application/json' }),
            ...req.headers,
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        lastProblem = networkProblem(error, timeoutMs);
        if (attempt < attempts) await this.sleep(backoff(baseMs, attempt));
        continue;
      }
      const body = await readBody(res);
      if (res.status >= 300 && res.status < 400) {
        // Never followed: the token would travel to wherever the redirect points.
        throw new TrackerError(
          'bad-request',
          `${this.trackerName} redirected to ${res.headers.get('location') ?? 'another address'}: set the connection's address to where it points`,
          res.status,
        );
      }
      if (res.ok || req.accept?.includes(res.status)) return { status: res.status, headers: res.headers, body };

      const wait = rateLimitWait(res);
      if (wait !== null) {
        lastProblem = `${this.trackerName} is rate-limiting Keyline (${res.status})`;
        if (wait > maxWaitMs) {
          throw new TrackerError(
            'rate-limited',
            `${lastProblem} and asks to wait ${Math.ceil(wait / 1000)} s: the next run carries on from here`,
            res.status,
          );
        }
        if (attempt < attempts) await this.sleep(wait);
        continue;
      }
      if (res.status >= 500 || res.status === 408) {
        lastProblem = `${this.trackerName} answered ${res.status}`;
        if (attempt < attempts) await this.sleep(backoff(baseMs, attempt));
        continue;
      }
      throw errorFor(this.trackerName, res.status, body);
    }
    throw new TrackerError('unavailable', `${lastProblem}; gave up after ${attempts} tries`);
  }
}

function backoff(baseMs: number, attempt: number): number {
  const exp = baseMs * 2 ** (attempt - 1);
  return exp / 2 + Math.random() * (exp / 2);
}

/** Milliseconds to wait when the answer is a rate limit, else null. */
export function rateLimitWait(res: Response, now = Date.now()): number | null {
  const retryAfter = res.headers.get('retry-after');
  const limited =
    res.status === 429 ||
    // GitHub: a 403 is a rate limit when it says so (primary: remaining 0; secondary: retry-after).
    (res.status === 403 && (retryAfter !== null || res.headers.get('x-ratelimit-remaining') === '0'));
  if (!limited) return null;
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(res.headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return 60_000;
}

function errorFor(tracker: string, status: number, body: unknown): TrackerError {
  const detail = messageOf(body);
  const said = detail ? `: ${detail}` : '';
  switch (status) {
    case 401:
      return new TrackerError(
        'auth',
        `${tracker} refused the token (401)${said}. Make a new token, paste it into the connection, and resume it.`,
        status,
      );
    case 403:
      return new TrackerError(
        'auth',
        `${tracker} says the token's account may not do this (403)${said}. Give the account access (or the token the scopes docs/INTEGRATIONS.md lists), then resume the connection.`,
        status,
      );
    case 404:
      return new TrackerError('not-found', `${tracker} has nothing at that address (404)${said}`, status);
    case 410:
      return new TrackerError('gone', `${tracker} says this is gone (410)${said}`, status);
    default:
      return new TrackerError('bad-request', `${tracker} refused the request (${status})${said}`, status);
  }
}

/** Jira: { errorMessages: [], errors: {} }; GitHub: { message }. Cut short: it is shown, never trusted. */
function messageOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const parts: string[] = [];
  if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.filter((m): m is string => typeof m === 'string'));
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors))
    parts.push(...Object.entries(b.errors).map(([k, v]) => `${k}: ${String(v)}`));
  if (typeof b.message === 'string') parts.push(b.message);
  return parts.join('; ').slice(0, 300);
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 300);
  }
}

function networkProblem(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  return code
    ? `could not connect (${code})`
    : `could not connect (${e.cause?.message ?? e.message ?? 'network error'})`;
}
