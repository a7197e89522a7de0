import type { JiraIssue } from '@keyline/shared';
import type { TrackerHttp } from './tracker-http';

export interface JiraAccount {
  accountId: string;
  displayName: string;
  timeZone?: string;
}

export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
}

/**
 * Jira Cloud REST v3, the few calls the sync needs. Search is the current
 * `GET /rest/api/3/search/jql` (paged by nextPageToken, fields listed
 * explicitly); the old `/rest/api/3/search` answers 410 Gone.
 */
export class JiraClient {
  private readonly auth: string;

  constructor(
    private readonly baseUrl: string,
    email: string,
    apiToken: string,
    private readonly http: TrackerHttp,
  ) {
    this.auth = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  }

  private get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    return this.http.request(url.toString(), { headers: { authorization: this.auth } }).then((r) => r.body as T);
  }

  myself(): Promise<JiraAccount> {
    return this.get('/rest/api/3/myself');
  }

  fields(): Promise<JiraField[]> {
    return this.get('/rest/api/3/field');
  }

  async approximateCount(jql: string): Promise<number> {
    const res = await this.http.request(`${this.baseUrl}/rest/api/3/search/approximate-count`, {
      method: 'POST',
      headers: { authorization: this.auth },
      body: { jql },
    });
    return Number((res.body as { count?: unknown }).count ?? 0);
  }

  /**
   * One page of a JQL search. `reconcileIssues` asks Jira to return the
   * current state of these issue ids (read-after-write: the search index is
   * eventually consistent).
   */
  async search(input: {
    jql: string;
    fields: readonly string[];
    maxResults: number;
    nextPageToken?: string | null;
    reconcileIssues?: readonly string[];
  }): Promise<{ issues: JiraIssue[]; nextPageToken: string | null }> {
    const body = await this.get<{ issues?: JiraIssue[]; nextPageToken?: string | null; isLast?: boolean }>(
      '/rest/api/3/search/jql',
      {
        jql: input.jql,
        fields: input.fields.join(','),
        maxResults: String(input.maxResults),
        nextPageToken: input.nextPageToken ?? undefined,
        reconcileIssues: input.reconcileIssues?.length ? input.reconcileIssues.join(',') : undefined,
      },
    );
    const issues = Array.isArray(body.issues) ? body.issues : [];
    // The last page may omit the token or send null; isLast says so outright where present.
    const next = body.isLast === true ? null : (body.nextPageToken ?? null);
    return { issues, nextPageToken: next };
  }

  /** Adds and removes labels in one edit (`update.labels` operations), leaving every other label alone. */
  async updateLabels(key: string, add: readonly string[], remove: readonly string[]): Promise<void> {
    if (add.length === 0 && remove.length === 0) return;
    await this.http.request(`${this.baseUrl}/rest/api/3/issue/${encodeURIComponent(key)}`, {
      method: 'PUT',
      headers: { authorization: this.auth },
      body: { update: { labels: [...add.map((l) => ({ add: l })), ...remove.map((l) => ({ remove: l }))] } },
    });
  }
}

/** A JQL without its ORDER BY, so Keyline can add clauses and its own stable order. */
export function jqlWithoutOrder(jql: string): string {
  return jql.replace(/\s+order\s+by\s[\s\S]*$/i, '').trim();
}

/**
 * A JQL date for `updated >= "…"`: Jira reads it in the API user's time zone,
 * to the minute. Rounded down, so the window never starts late.
 */
export function jqlDate(iso: string, timeZone: string | null): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}`;
}
