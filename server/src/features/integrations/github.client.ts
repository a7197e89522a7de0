import type { GitHubIssue } from '@keyline/shared';
import { TrackerError, type TrackerHttp } from './tracker-http';

/**
 * GitHub REST (github.com or Enterprise Server's /api/v3), the few calls the
 * sync needs. Lists page by the `Link` header; `/issues` also returns pull
 * requests, which carry a `pull_request` key.
 */
export class GitHubClient {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly baseUrl: string,
    private readonly repo: string,
    token: string,
    private readonly http: TrackerHttp,
  ) {
    this.headers = {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'Keyline',
    };
  }

  private async get<T>(url: string): Promise<{ body: T; headers: Headers }> {
    const res = await this.http.request(url, { headers: this.headers });
    return { body: res.body as T, headers: res.headers };
  }

  async user(): Promise<{ login: string }> {
    return (await this.get<{ login: string }>(`${this.baseUrl}/user`)).body;
  }

  async repository(): Promise<{ full_name: string; has_issues?: boolean }> {
    return (await this.get<{ full_name: string; has_issues?: boolean }>(`${this.baseUrl}/repos/${this.repo}`)).body;
  }

  /** Issues (not pull requests) in the repository carrying every filter label, by the search API. */
  async countIssues(labels: readonly string[]): Promise<number> {
    const q = [`repo:${this.repo}`, 'is:issue', ...labels.map((l) => `label:"${l.replace(/"/g, '')}"`)].join(' ');
    const url = `${this.baseUrl}/search/issues?q=${encodeURIComponent(q)}&per_page=1`;
    return Number((await this.get<{ total_count?: number }>(url)).body.total_count ?? 0);
  }

  /**
   * One page of `GET /repos/{owner}/{repo}/issues` (state=all, oldest change
   * first). `next` is the Link header's next page, which must stay on this
   * GitHub: the token is never sent anywhere else.
   */
  async issuesPage(input: {
    pageUrl: string | null;
    since: string | null;
    labels: readonly string[];
    perPage: number;
  }): Promise<{ issues: GitHubIssue[]; next: string | null }> {
    let url = input.pageUrl;
    if (url === null) {
      const first = new URL(`${this.baseUrl}/repos/${this.repo}/issues`);
      first.searchParams.set('state', 'all');
      first.searchParams.set('sort', 'updated');
      first.searchParams.set('direction', 'asc');
      first.searchParams.set('per_page', String(input.perPage));
      if (input.since) first.searchParams.set('since', input.since);
      if (input.labels.length) first.searchParams.set('labels', input.labels.join(','));
      url = first.toString();
    } else this.assertOwnOrigin(url);
    const { body, headers } = await this.get<GitHubIssue[]>(url);
    const next = nextLink(headers.get('link'));
    if (next) this.assertOwnOrigin(next);
    return { issues: Array.isArray(body) ? body : [], next };
  }

  async addLabels(issueNumber: number, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return;
    await this.http.request(`${this.baseUrl}/repos/${this.repo}/issues/${issueNumber}/labels`, {
      method: 'POST',
      headers: this.headers,
      body: { labels },
    });
  }

  /** A label already gone (404) is what was wanted. */
  async removeLabel(issueNumber: number, label: string): Promise<void> {
    await this.http.request(
      `${this.baseUrl}/repos/${this.repo}/issues/${issueNumber}/labels/${encodeURIComponent(label)}`,
      { method: 'DELETE', headers: this.headers, accept: [404] },
    );
  }

  private assertOwnOrigin(url: string): void {
    if (new URL(url).origin !== new URL(this.baseUrl).origin) {
      throw new TrackerError('bad-request', `GitHub pointed the next page at another server (${new URL(url).origin})`);
    }
  }
}

/** `<https://…?page=2>; rel="next", <…>; rel="last"` → the next URL. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]?.split(/\s+/).includes('next')) return match[1] ?? null;
  }
  return null;
}
