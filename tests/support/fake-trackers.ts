import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local HTTP server that speaks the parts of Jira Cloud's REST API v3 and
 * GitHub's REST API that Keyline uses, with the response shapes of their
 * public references: Jira's enhanced search (`GET /rest/api/3/search/jql`,
 * nextPageToken paging, the token left out of the last page, fields only as
 * asked, `reconcileIssues`), the removed `/rest/api/3/search` (410), ADF
 * descriptions, custom fields Keyline does not know; GitHub's issue list
 * (Link paging, `since`, `labels`, pull requests among issues), label
 * edits, search counts, rate limits. Faults are queued per path: 429 with
 * Retry-After, 5xx, 401. Tests change the issues in between and read the
 * request log, as they would watch a real tracker.
 */

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

interface Fault {
  match: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hold the answer this long first (a slow tracker). */
  delayMs?: number;
}

// ---------- Jira ----------

export interface FakeJiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  /** Whether it matches the connection's JQL (the part the fake does not parse). */
  matches: boolean;
  /** What a lagging search index still returns for it, unless reconciled. */
  indexed?: Record<string, unknown>;
}

const JIRA_STATUS = {
  todo: { name: 'To Do', statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' } },
  selected: {
    name: 'Selected for Development',
    statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  },
  progress: {
    name: 'In Progress',
    statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  },
  custom: {
    name: 'Waiting for Legal',
    statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  },
  done: { name: 'Done', statusCategory: { id: 3, key: 'done', colorName: 'green', name: 'Done' } },
} as const;
export type JiraStatusName = keyof typeof JIRA_STATUS;

/** Jira's timestamp format: 2026-03-12T10:15:00.000+0100, written in the site's zone (UTC here). */
export function jiraTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export const adf = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
});

export class FakeJira {
  readonly email = 'sync-bot@acme.test';
  token = 'jira-token-123';
  /** The API user's time zone: JQL dates are read in it. */
  timeZone = 'Europe/Berlin';
  readonly issues = new Map<string, FakeJiraIssue>();
  readonly labelEdits: { key: string; add: string[]; remove: string[] }[] = [];
  private nextId = 10_000;

  constructor(readonly project = 'ABC') {}

  /** Adds an issue; updated "now" unless said. */
  add(
    n: number,
    overrides: {
      summary?: string;
      description?: unknown;
      status?: JiraStatusName;
      type?: string;
      subtask?: boolean;
      labels?: string[];
      components?: string[];
      points?: number | null;
      updated?: Date;
      matches?: boolean;
      resolution?: string;
    } = {},
  ): FakeJiraIssue {
    const key = `${this.project}-${n}`;
    const updated = overrides.updated ?? new Date();
    const issue: FakeJiraIssue = {
      id: String(this.nextId++),
      key,
      matches: overrides.matches ?? true,
      fields: {
        summary: overrides.summary ?? `Issue ${key}`,
        description: overrides.description ?? adf(`Description of ${key}`),
        status: JIRA_STATUS[overrides.status ?? 'todo'],
        resolution: overrides.resolution ? { id: '10001', name: overrides.resolution } : null,
        issuetype: { id: '10001', name: overrides.type ?? 'Story', subtask: overrides.subtask ?? false },
        labels: overrides.labels ?? [],
        components: (overrides.components ?? []).map((name, i) => ({ id: String(100 + i), name, self: 'x' })),
        customfield_10016: overrides.points === undefined ? 3 : overrides.points,
        // A custom field Keyline knows nothing of: must be ignored.
        customfield_10099: { self: 'x', value: 'Teal', id: '10210' },
        created: jiraTime(new Date(updated.getTime() - 86_400_000)),
        updated: jiraTime(updated),
      },
    };
    this.issues.set(key, issue);
    return issue;
  }

  /** Changes an issue's fields and stamps it updated now (as Jira does on every edit). */
  edit(key: string, fields: Record<string, unknown>, at = new Date()): FakeJiraIssue {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`no issue ${key}`);
    Object.assign(issue.fields, fields, { updated: jiraTime(at) });
    return issue;
  }

  status(name: JiraStatusName) {
    return JIRA_STATUS[name];
  }

  handle(req: IncomingMessage, url: URL, body: unknown, res: ServerResponse, path: string): void {
    const auth = req.headers.authorization;
    const expected = `Basic ${Buffer.from(`${this.email}:${this.token}`).toString('base64')}`;
    if (auth !== expected) {
      return json(res, 401, {
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
      });
    }
    if (path === '/rest/api/3/myself') {
      return json(res, 200, {
        self: 'x',
        accountId: '5b10a2844c20165700ede21g',
        accountType: 'atlassian',
        emailAddress: this.email,
        displayName: 'Sync Bot',
        active: true,
        timeZone: this.timeZone,
        locale: 'en_US',
      });
    }
    if (path === '/rest/api/3/field') {
      return json(res, 200, [
        {
          id: 'summary',
          key: 'summary',
          name: 'Summary',
          custom: false,
          schema: { type: 'string', system: 'summary' },
        },
        {
          id: 'components',
          key: 'components',
          name: 'Components',
          custom: false,
          schema: { type: 'array', items: 'component' },
        },
        {
          id: 'customfield_10016',
          key: 'customfield_10016',
          name: 'Story point estimate',
          custom: true,
          schema: { type: 'number' },
        },
        {
          id: 'customfield_10099',
          key: 'customfield_10099',
          name: 'Favourite colour',
          custom: true,
          schema: { type: 'option' },
        },
      ]);
    }
    if (path === '/rest/api/3/search') {
      return json(res, 410, {
        errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'],
        errors: {},
      });
    }
    if (path === '/rest/api/3/search/approximate-count' && req.method === 'POST') {
      const jql = String((body as { jql?: unknown })?.jql ?? '');
      return json(res, 200, { count: this.search(jql, []).length });
    }
    if (path === '/rest/api/3/search/jql' && req.method === 'GET') return this.searchPage(url, res);
    const edit = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(path);
    if (edit && req.method === 'PUT') {
      const issue = this.issues.get(decodeURIComponent(edit[1] ?? ''));
      if (!issue)
        return json(res, 404, {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
          errors: {},
        });
      const ops = (body as { update?: { labels?: { add?: string; remove?: string }[] } })?.update?.labels ?? [];
      const add = ops.flatMap((o) => (o.add ? [o.add] : []));
      const remove = ops.flatMap((o) => (o.remove ? [o.remove] : []));
      const labels = (issue.fields.labels as string[]).filter((l) => !remove.includes(l));
      for (const l of add) if (!labels.includes(l)) labels.push(l);
      this.edit(issue.key, { labels });
      this.labelEdits.push({ key: issue.key, add, remove });
      res.writeHead(204).end();
      return;
    }
    json(res, 404, { errorMessages: [`No fake for ${req.method} ${path}`] });
  }

  /** The fake understands `updated >= "yyyy/MM/dd HH:mm"` (in the user's zone) and `key = "X"`; the rest is `matches`. */
  private search(jql: string, reconcile: string[]): FakeJiraIssue[] {
    const where = jql.replace(/\s+order\s+by\s[\s\S]*$/i, '');
    const since = /updated\s*>=\s*"(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})"/.exec(where);
    const key = /key\s*=\s*"?([A-Z][A-Z0-9_]*-\d+)"?/i.exec(where)?.[1];
    const sinceMs = since ? zonedToUtc(since.slice(1).map(Number), this.timeZone) : null;
    return [...this.issues.values()]
      .filter((i) => i.matches && (!key || i.key === key))
      .map((i) => (i.indexed && !reconcile.includes(i.id) ? { ...i, fields: { ...i.fields, ...i.indexed } } : i))
      .filter((i) => sinceMs === null || Date.parse(toIso(String(i.fields.updated))) >= sinceMs)
      .sort((a, b) => Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]));
  }

  private searchPage(url: URL, res: ServerResponse): void {
    const jql = url.searchParams.get('jql') ?? '';
    const max = Math.min(Number(url.searchParams.get('maxResults') ?? 50), 100);
    const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
    const reconcile = (url.searchParams.get('reconcileIssues') ?? '').split(',').filter(Boolean);
    const token = url.searchParams.get('nextPageToken');
    let offset = 0;
    if (token) {
      try {
        const decoded = JSON.parse(Buffer.from(token, 'base64url').toString()) as { o: number; q: string };
        if (decoded.q !== jql) throw new Error('other query');
        offset = decoded.o;
      } catch {
        return json(res, 400, { errorMessages: ['The provided next page token is invalid or expired.'], errors: {} });
      }
    }
    const all = this.search(jql, reconcile);
    const page = all.slice(offset, offset + max);
    const last = offset + max >= all.length;
    json(res, 200, {
      issues: page.map((i) => ({
        expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
        id: i.id,
        self: `https://fake.atlassian.net/rest/api/3/issue/${i.id}`,
        key: i.key,
        // Only the fields asked for, as the enhanced search does (none asked → id and key only).
        fields: Object.fromEntries(fields.filter((f) => f in i.fields).map((f) => [f, i.fields[f]])),
      })),
      ...(last
        ? {}
        : { nextPageToken: Buffer.from(JSON.stringify({ o: offset + max, q: jql })).toString('base64url') }),
      isLast: last,
    });
  }

  /** A Jira Cloud issue webhook body. */
  webhookBody(event: 'jira:issue_created' | 'jira:issue_updated' | 'jira:issue_deleted', key: string): string {
    const issue = this.issues.get(key) ?? { id: '99999', key, fields: {} };
    return JSON.stringify({
      timestamp: Date.now(),
      webhookEvent: event,
      issue_event_type_name: event === 'jira:issue_updated' ? 'issue_generic' : undefined,
      user: { accountId: 'abc', displayName: 'Ana' },
      issue: { id: issue.id, self: 'x', key, fields: issue.fields },
      changelog: { id: '1', items: [] },
    });
  }
}

/** yyyy, MM, dd, HH, mm read in a time zone → epoch ms. */
function zonedToUtc([y, mo, d, h, mi]: number[], timeZone: string): number {
  const guess = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const shown = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(guess));
  const part = (t: string) => Number(shown.find((p) => p.type === t)?.value);
  const asShown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return guess - (asShown - guess);
}

function toIso(jira: string): string {
  return jira.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

// ---------- GitHub ----------

export interface FakeGitHubIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { id: number; name: string; color: string }[];
  updated_at: string;
  created_at: string;
  pull_request?: { url: string; html_url: string };
}

export class FakeGitHub {
  token = 'ghp_fake_token_456';
  readonly repo = 'acme/web';
  readonly issues = new Map<number, FakeGitHubIssue>();
  baseUrl = '';

  add(
    number: number,
    overrides: Partial<Omit<FakeGitHubIssue, 'labels'>> & { labels?: string[]; pr?: boolean; updated?: Date } = {},
  ): FakeGitHubIssue {
    const updated = overrides.updated ?? new Date();
    const issue: FakeGitHubIssue = {
      id: 5_000_000 + number,
      number,
      title: overrides.title ?? `GitHub issue ${number}`,
      body: overrides.body === undefined ? `Body of **#${number}**` : overrides.body,
      state: overrides.state ?? 'open',
      state_reason: overrides.state_reason ?? null,
      labels: (overrides.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed' })),
      updated_at: iso(updated),
      created_at: iso(new Date(updated.getTime() - 86_400_000)),
      ...(overrides.pr && { pull_request: { url: 'x', html_url: 'x' } }),
    };
    this.issues.set(number, issue);
    return issue;
  }

  edit(number: number, changes: Partial<Omit<FakeGitHubIssue, 'labels'>> & { labels?: string[] }): FakeGitHubIssue {
    const issue = this.issues.get(number);
    if (!issue) throw new Error(`no issue ${number}`);
    const { labels, ...rest } = changes;
    Object.assign(issue, rest, { updated_at: iso(new Date()) });
    if (labels) issue.labels = labels.map((name, i) => ({ id: i + 1, name, color: 'ededed' }));
    return issue;
  }

  private view(issue: FakeGitHubIssue) {
    return {
      url: `${this.baseUrl}/repos/${this.repo}/issues/${issue.number}`,
      html_url: `https://github.com/${this.repo}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`,
      user: { login: 'ana' },
      comments: 0,
      ...issue,
    };
  }

  handle(req: IncomingMessage, url: URL, body: unknown, res: ServerResponse, path: string): void {
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return json(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    if (path === '/user') return json(res, 200, { login: 'keyline-bot', id: 1, type: 'User' });
    if (path === `/repos/${this.repo}`) return json(res, 200, { id: 1, full_name: this.repo, has_issues: true });
    if (path === '/search/issues') {
      const q = url.searchParams.get('q') ?? '';
      const labels = [...q.matchAll(/label:"([^"]+)"/g)].map((m) => m[1] ?? '');
      const count = [...this.issues.values()].filter(
        (i) => !i.pull_request && labels.every((l) => i.labels.some((x) => x.name === l)),
      ).length;
      return json(res, 200, { total_count: count, incomplete_results: false, items: [] });
    }
    if (path === `/repos/${this.repo}/issues` && req.method === 'GET') {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const since = url.searchParams.get('since');
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const all = [...this.issues.values()]
        .filter((i) => (!since || i.updated_at >= since) && labels.every((l) => i.labels.some((x) => x.name === l)))
        .sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.number - b.number));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const lastPage = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(p));
        return `<${this.baseUrl}${u.pathname.replace(/^\/github/, '')}${u.search}>; rel="${rel}"`;
      };
      const links = [
        ...(page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      return json(
        res,
        200,
        slice.map((i) => this.view(i)),
        links.length ? { link: links.join(', ') } : {},
      );
    }
    const labelsAdd = new RegExp(`^/repos/${this.repo}/issues/(\\d+)/labels$`).exec(path);
    if (labelsAdd && req.method === 'POST') {
      const issue = this.issues.get(Number(labelsAdd[1]));
      if (!issue) return json(res, 404, { message: 'Not Found' });
      const names = (body as { labels?: string[] })?.labels ?? [];
      const current = issue.labels.map((l) => l.name);
      this.edit(issue.number, { labels: [...current, ...names.filter((n) => !current.includes(n))] });
      return json(res, 200, issue.labels);
    }
    const labelRemove = new RegExp(`^/repos/${this.repo}/issues/(\\d+)/labels/([^/]+)$`).exec(path);
    if (labelRemove && req.method === 'DELETE') {
      const issue = this.issues.get(Number(labelRemove[1]));
      const name = decodeURIComponent(labelRemove[2] ?? '');
      if (!issue || !issue.labels.some((l) => l.name === name))
        return json(res, 404, { message: 'Label does not exist' });
      this.edit(issue.number, { labels: issue.labels.map((l) => l.name).filter((l) => l !== name) });
      return json(res, 200, issue.labels);
    }
    json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  /** A GitHub `issues` webhook body. */
  webhookBody(action: string, number: number): string {
    const issue = this.issues.get(number) ?? {
      id: 1,
      number,
      title: 'gone',
      body: null,
      state: 'open',
      labels: [],
      updated_at: iso(new Date()),
      created_at: iso(new Date()),
      state_reason: null,
    };
    return JSON.stringify({
      action,
      issue: this.view(issue as FakeGitHubIssue),
      repository: { id: 1, full_name: this.repo, name: 'web', owner: { login: 'acme' } },
      sender: { login: 'ana' },
    });
  }
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------- the server ----------

export interface FakeTrackers {
  url: string;
  jiraUrl: string;
  githubUrl: string;
  jira: FakeJira;
  github: FakeGitHub;
  log: LoggedRequest[];
  /** The next answers to requests whose path contains `match`, in order, before normal service resumes. */
  fail(match: string, ...faults: Omit<Fault, 'match'>[]): void;
  stop(): Promise<void>;
}

export async function startFakeTrackers(): Promise<FakeTrackers> {
  const jira = new FakeJira();
  const github = new FakeGitHub();
  const log: LoggedRequest[] = [];
  const faults: Fault[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      log.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization,
      });
      const faultAt = faults.findIndex((f) => url.pathname.includes(f.match));
      const answer = () => {
        if (faultAt >= 0) {
          const [fault] = faults.splice(faultAt, 1);
          if (fault)
            return json(res, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers ?? {});
        }
        if (url.pathname.startsWith('/jira/'))
          return jira.handle(req, url, body, res, url.pathname.slice('/jira'.length));
        if (url.pathname.startsWith('/github/'))
          return github.handle(req, url, body, res, url.pathname.slice('/github'.length));
        json(res, 404, { message: 'unknown tracker' });
      };
      const delay = faultAt >= 0 ? (faults[faultAt]?.delayMs ?? 0) : 0;
      if (delay) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  github.baseUrl = `${url}/github`;
  return {
    url,
    jiraUrl: `${url}/jira`,
    githubUrl: `${url}/github`,
    jira,
    github,
    log,
    fail: (match, ...list) => faults.push(...list.map((f) => ({ ...f, match }))),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** `sha256=<hex HMAC-SHA256 of the body>`: the X-Hub-Signature(-256) both trackers send. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
