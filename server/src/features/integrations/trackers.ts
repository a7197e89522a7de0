import {
  mapGitHubIssue,
  mapJiraIssue,
  type ConnectionTest,
  type GitHubIssue,
  type JiraIssue,
  type MappedIssue,
} from '@keyline/shared';
import type { ConnectionEntity } from './connection.entity';
import { GitHubClient } from './github.client';
import { JiraClient, jqlDate, jqlWithoutOrder } from './jira.client';
import { TrackerError, type TrackerHttp } from './tracker-http';

export interface TrackerPage {
  issues: MappedIssue[];
  /** Where the next page starts; null on the last one. */
  next: string | null;
}

/** One tracker behind one interface: the engine never knows which it talks to. */
export interface Tracker {
  readonly label: string;
  /** A page of the connection's query; `since` limits it to what changed after (incremental runs). */
  fetchPage(input: { since: string | null; pageToken: string | null; pageSize: number }): Promise<TrackerPage>;
  /**
   * The current state of one issue a webhook named, if it still matches the
   * connection's query (null: it does not, or is gone).
   */
  fetchMatching(key: string, externalId: string | null): Promise<MappedIssue | null>;
  /** Adds and removes labels on one issue (write-back). */
  writeLabels(issue: { key: string; externalId: string }, add: string[], remove: string[]): Promise<void>;
  test(): Promise<ConnectionTest>;
}

/** The incremental window starts this long before the last high-water mark: clocks and search indexes lag. */
export const SYNC_OVERLAP_MS = 10 * 60_000;

export function sinceWithOverlap(since: string): string {
  return new Date(Date.parse(since) - SYNC_OVERLAP_MS).toISOString();
}

export function trackerFor(
  connection: ConnectionEntity,
  token: string,
  http: TrackerHttp,
  onTimeZone: (tz: string) => Promise<void> = async () => {},
): Tracker {
  return connection.config.kind === 'jira'
    ? new JiraTracker(connection, connection.config, token, http, onTimeZone)
    : new GitHubTracker(connection, connection.config, token, http);
}

const STORY_POINT_NAMES = /story ?points?( estimate)?|^points$|^estimate$/i;
const JIRA_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

class JiraTracker implements Tracker {
  readonly label = 'Jira';
  private readonly client: JiraClient;
  private readonly fields: string[];

  constructor(
    private readonly connection: ConnectionEntity,
    private readonly config: Extract<ConnectionEntity['config'], { kind: 'jira' }>,
    token: string,
    http: TrackerHttp,
    private readonly onTimeZone: (tz: string) => Promise<void>,
  ) {
    this.client = new JiraClient(connection.baseUrl, config.email, token, http);
    const { storyPoints, team } = config.fieldMap;
    this.fields = [
      'summary',
      'description',
      'status',
      'resolution',
      'issuetype',
      'labels',
      'updated',
      'created',
      ...(storyPoints ? [storyPoints] : []),
      ...(team ? [team] : []),
    ];
  }

  private map(issue: JiraIssue): MappedIssue {
    return mapJiraIssue(issue, {
      baseUrl: this.connection.baseUrl,
      storyPointsField: this.config.fieldMap.storyPoints,
      teamField: this.config.fieldMap.team,
    });
  }

  /** JQL dates are read in the API user's time zone: learn it once. */
  private async timeZone(): Promise<string | null> {
    if (this.connection.timeZone) return this.connection.timeZone;
    const me = await this.client.myself();
    if (me.timeZone) {
      this.connection.timeZone = me.timeZone;
      await this.onTimeZone(me.timeZone);
    }
    return me.timeZone ?? null;
  }

  async fetchPage(input: { since: string | null; pageToken: string | null; pageSize: number }): Promise<TrackerPage> {
    const base = `(${jqlWithoutOrder(this.config.jql)})`;
    const window = input.since
      ? ` AND updated >= "${jqlDate(sinceWithOverlap(input.since), await this.timeZone())}"`
      : '';
    const page = await this.client.search({
      jql: `${base}${window} ORDER BY key ASC`,
      fields: this.fields,
      maxResults: input.pageSize,
      nextPageToken: input.pageToken,
    });
    return { issues: page.issues.map((i) => this.map(i)), next: page.nextPageToken };
  }

  async fetchMatching(key: string, externalId: string | null): Promise<MappedIssue | null> {
    if (!JIRA_KEY.test(key)) return null;
    const page = await this.client.search({
      jql: `(${jqlWithoutOrder(this.config.jql)}) AND key = "${key}"`,
      fields: this.fields,
      maxResults: 1,
      // Search is eventually consistent: ask for this issue's state as of now.
      reconcileIssues: externalId && /^\d+$/.test(externalId) ? [externalId] : undefined,
    });
    const found = page.issues.find((i) => i.key === key);
    return found ? this.map(found) : null;
  }

  async writeLabels(issue: { key: string }, add: string[], remove: string[]): Promise<void> {
    await this.client.updateLabels(issue.key, add, remove);
  }

  async test(): Promise<ConnectionTest> {
    const me = await this.client.myself();
    if (me.timeZone && me.timeZone !== this.connection.timeZone) await this.onTimeZone(me.timeZone);
    let matchingIssues: number | null = null;
    let message: string | null = null;
    try {
      matchingIssues = await this.client.approximateCount(jqlWithoutOrder(this.config.jql));
    } catch (error) {
      if (!(error instanceof TrackerError) || error.kind === 'auth') throw error;
      message = `Jira refused the JQL: ${error.message}`;
    }
    const all = await this.client.fields();
    const byId = new Map(all.map((f) => [f.id, f]));
    const field = (role: string, id: string | undefined) => ({
      role,
      id: id ?? null,
      name: id ? (byId.get(id)?.name ?? null) : null,
      found: id ? byId.has(id) : false,
    });
    const fields = [field('storyPoints', this.config.fieldMap.storyPoints), field('team', this.config.fieldMap.team)];
    const missing = fields.filter((f) => f.id && !f.found).map((f) => f.id);
    if (missing.length && !message) message = `Jira has no field ${missing.join(', ')}: pick one from the suggestions`;
    return {
      ok: message === null,
      account: me.displayName,
      matchingIssues,
      fields,
      suggestions: all
        .filter((f) => f.custom && STORY_POINT_NAMES.test(f.name))
        .map((f) => ({ id: f.id, name: f.name })),
      message,
    };
  }
}

class GitHubTracker implements Tracker {
  readonly label = 'GitHub';
  private readonly client: GitHubClient;

  constructor(
    connection: ConnectionEntity,
    private readonly config: Extract<ConnectionEntity['config'], { kind: 'github' }>,
    token: string,
    http: TrackerHttp,
  ) {
    this.client = new GitHubClient(connection.baseUrl, config.repo, token, http);
  }

  private map(issue: GitHubIssue): MappedIssue {
    return mapGitHubIssue(issue, { repo: this.config.repo, pointsLabelPrefix: this.config.pointsLabelPrefix });
  }

  async fetchPage(input: { since: string | null; pageToken: string | null; pageSize: number }): Promise<TrackerPage> {
    const page = await this.client.issuesPage({
      pageUrl: input.pageToken,
      since: input.since ? sinceWithOverlap(input.since) : null,
      labels: this.config.labelsFilter,
      perPage: input.pageSize,
    });
    return { issues: page.issues.map((i) => this.map(i)), next: page.next };
  }

  /** GitHub's webhook carries the whole issue: the engine maps it and checks the filter itself. */
  async fetchMatching(): Promise<MappedIssue | null> {
    return null;
  }

  /** Whether a webhook's issue matches this connection: in its repository and carrying every filter label. */
  matches(issue: MappedIssue): boolean {
    const labels = new Set(issue.trackerLabels.map((l) => l.toLowerCase()));
    return this.config.labelsFilter.every((l) => labels.has(l.toLowerCase()));
  }

  mapWebhookIssue(issue: GitHubIssue): MappedIssue {
    return this.map(issue);
  }

  async writeLabels(issue: { key: string }, add: string[], remove: string[]): Promise<void> {
    const number = Number(issue.key.slice(issue.key.lastIndexOf('#') + 1));
    await this.client.addLabels(number, add);
    for (const label of remove) await this.client.removeLabel(number, label);
  }

  async test(): Promise<ConnectionTest> {
    const me = await this.client.user();
    let matchingIssues: number | null = null;
    let message: string | null = null;
    try {
      await this.client.repository();
      matchingIssues = await this.client.countIssues(this.config.labelsFilter);
    } catch (error) {
      if (!(error instanceof TrackerError) || error.kind === 'auth') throw error;
      message =
        error.kind === 'not-found'
          ? `No repository ${this.config.repo} that this token can see: check the name and the token's repository access`
          : error.message;
    }
    return {
      ok: message === null,
      account: me.login,
      matchingIssues,
      fields: [
        {
          role: 'points',
          id: this.config.pointsLabelPrefix,
          name: this.config.pointsLabelPrefix ? `${this.config.pointsLabelPrefix}N labels` : null,
          found: this.config.pointsLabelPrefix !== null,
        },
      ],
      suggestions: [],
      message,
    };
  }
}

export { GitHubTracker, JiraTracker };
