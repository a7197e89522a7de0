import type { ItemStatus, ItemType } from '../backlog/backlog.schemas';
import { readImportDate, readItemStatus, readItemType } from '../imports/import-values';
import { adfToText } from './adf';

/*
 * One tracker issue → the fields of one backlog item. Pure, so the rules are
 * unit-tested here and shared with the docs: summary → title, description
 * (Jira's ADF as plain text; GitHub markdown kept) → description, status by
 * the CSV import's own mapping, issue type → type, story points → effort,
 * labels → labels (Keyline's own write-back labels and the points label left
 * out), component or a mapped field → team names (the caller resolves them).
 */

export const ITEM_LIMITS = { title: 200, description: 10_000, label: 50, labels: 20 } as const;
export const KEYLINE_LABEL_PREFIX = 'keyline-';
export const UNALIGNED_LABEL = 'keyline-unaligned';
export const krLabel = (code: string) => `keyline-kr-${code.toLowerCase()}`;

export interface MappedIssue {
  /** `ABC-123` or `owner/name#45`: the item's externalKey. */
  key: string;
  /** The tracker's own id (Jira's numeric id, GitHub's issue id). */
  externalId: string;
  url: string;
  /** When the tracker last changed it (ISO, UTC): the incremental high-water mark. */
  updatedAt: string;
  createdAt: string | null;
  title: string;
  description: string;
  type: ItemType;
  status: ItemStatus;
  labels: string[];
  /** The tracker's full label list, Keyline's own included: write-back compares with it. */
  trackerLabels: string[];
  /** Undefined when the connection maps no points: effort is then Keyline's. */
  effort?: number | null;
  /** Undefined when the connection maps no team; [] when the issue names none. */
  teamNames?: string[];
  /** Sub-tasks and pull requests are not backlog items (unless the connection brings sub-tasks in). */
  subtask: boolean;
  pullRequest: boolean;
  warnings: string[];
}

export interface JiraIssue {
  id: string;
  key: string;
  fields?: Record<string, unknown>;
}

export interface JiraMappingOptions {
  baseUrl: string;
  storyPointsField?: string;
  teamField?: string;
}

const CATEGORY_NAMES: Record<string, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

export function mapJiraIssue(issue: JiraIssue, options: JiraMappingOptions): MappedIssue {
  const f = issue.fields ?? {};
  const warnings: string[] = [];
  const status = record(f.status);
  const category = record(status?.statusCategory);
  const categoryName = str(category?.name) || CATEGORY_NAMES[str(category?.key)] || '';
  const issueType = record(f.issuetype);
  const trackerLabels = strings(f.labels);
  const mapped: MappedIssue = {
    key: issue.key,
    externalId: String(issue.id),
    url: `${options.baseUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issue.key)}`,
    updatedAt: isoOf(f.updated) ?? new Date(0).toISOString(),
    createdAt: isoOf(f.created),
    ...titleAndDescription(str(f.summary), adfToText(f.description), warnings),
    type: readItemType(str(issueType?.name)).value,
    status: readItemStatus(str(status?.name), {
      statusCategory: categoryName,
      resolution: str(record(f.resolution)?.name),
    }).value,
    labels: keylineLabels(trackerLabels, null, warnings),
    trackerLabels,
    subtask: issueType?.subtask === true,
    pullRequest: false,
    warnings,
  };
  if (options.storyPointsField) mapped.effort = points(f[options.storyPointsField], warnings);
  if (options.teamField) mapped.teamNames = teamNames(f[options.teamField]);
  return mapped;
}

export interface GitHubIssue {
  id: number | string;
  number: number;
  title?: string;
  body?: string | null;
  state?: string;
  state_reason?: string | null;
  labels?: (string | { name?: string })[];
  html_url?: string;
  updated_at?: string;
  created_at?: string;
  pull_request?: unknown;
  type?: { name?: string } | null;
}

export interface GitHubMappingOptions {
  repo: string;
  pointsLabelPrefix: string | null;
}

export function mapGitHubIssue(issue: GitHubIssue, options: GitHubMappingOptions): MappedIssue {
  const warnings: string[] = [];
  const trackerLabels = (issue.labels ?? [])
    .map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
    .filter((l) => l !== '');
  const prefix = options.pointsLabelPrefix?.toLowerCase() ?? null;
  const closed = issue.state === 'closed';
  const dropped = issue.state_reason === 'not_planned' || issue.state_reason === 'duplicate';
  const mapped: MappedIssue = {
    key: `${options.repo}#${issue.number}`,
    externalId: String(issue.id),
    url: issue.html_url ?? '',
    updatedAt: isoOf(issue.updated_at) ?? new Date(0).toISOString(),
    createdAt: isoOf(issue.created_at),
    ...titleAndDescription(issue.title ?? '', (issue.body ?? '').replace(/\r\n?/g, '\n').trim(), warnings),
    type: gitHubType(issue, trackerLabels),
    status: closed ? (dropped ? 'dropped' : 'done') : readItemStatus(issue.state ?? 'open').value,
    labels: keylineLabels(trackerLabels, prefix, warnings),
    trackerLabels,
    subtask: false,
    pullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    warnings,
  };
  if (prefix !== null) {
    const label = trackerLabels.find((l) => l.toLowerCase().startsWith(prefix));
    mapped.effort = label === undefined ? null : points(label.slice(prefix.length).trim(), warnings);
  }
  return mapped;
}

/** GitHub's issue type when the organisation uses them, else the first label that names a type (bug, enhancement…). */
function gitHubType(issue: GitHubIssue, labels: string[]): ItemType {
  const named = issue.type?.name;
  if (named) return readItemType(named).value;
  for (const label of labels) {
    const read = readItemType(label === 'enhancement' ? 'feature' : label);
    if (read.known) return read.value;
  }
  return 'feature';
}

function titleAndDescription(
  rawTitle: string,
  rawDescription: string,
  warnings: string[],
): { title: string; description: string } {
  const full = rawTitle.trim() || '(no summary)';
  let title = full;
  let description = rawDescription;
  if (full.length > ITEM_LIMITS.title) {
    title = `${full.slice(0, ITEM_LIMITS.title - 1)}…`;
    description = description ? `${full}\n\n${description}` : full;
    warnings.push(
      `Summary longer than ${ITEM_LIMITS.title} characters: shortened; the full text starts the description`,
    );
  }
  if (description.length > ITEM_LIMITS.description) {
    description = description.slice(0, ITEM_LIMITS.description);
    warnings.push(`Description longer than ${ITEM_LIMITS.description.toLocaleString('en')} characters: cut there`);
  }
  return { title, description };
}

/** The tracker's labels as Keyline keeps them: not its own write-back labels, not the points label. */
function keylineLabels(labels: string[], pointsPrefix: string | null, warnings: string[]): string[] {
  let kept = labels.filter(
    (l) =>
      !l.toLowerCase().startsWith(KEYLINE_LABEL_PREFIX) && !(pointsPrefix && l.toLowerCase().startsWith(pointsPrefix)),
  );
  if (kept.some((l) => l.length > ITEM_LIMITS.label)) {
    warnings.push(`Labels are at most ${ITEM_LIMITS.label} characters in Keyline: longer ones were shortened`);
    kept = kept.map((l) => l.slice(0, ITEM_LIMITS.label).trim());
  }
  kept = [...new Set(kept)];
  if (kept.length > ITEM_LIMITS.labels) {
    warnings.push(`At most ${ITEM_LIMITS.labels} labels in Keyline: the first ${ITEM_LIMITS.labels} were kept`);
    kept = kept.slice(0, ITEM_LIMITS.labels);
  }
  return kept;
}

/** Story points: a positive number up to 10,000; 0 or nothing is "not estimated", never 0. */
function points(value: unknown, warnings: string[]): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(n)) {
    warnings.push(`Story points "${String(value)}" are not a number: left unestimated`);
    return null;
  }
  if (n <= 0) return null;
  if (n > 10_000) {
    warnings.push(`Story points ${n} are over 10,000: left unestimated`);
    return null;
  }
  return n;
}

/** Components ([{name}]), a select field ({value}), a team field ({name}), text, or a list of these. */
function teamNames(value: unknown): string[] {
  const one = (v: unknown): string => {
    if (typeof v === 'string') return v.trim();
    const r = record(v);
    return str(r?.name) || str(r?.value) || str(r?.title);
  };
  const list = Array.isArray(value) ? value.map(one) : [one(value)];
  return list.filter((n) => n !== '');
}

function isoOf(value: unknown): string | null {
  return typeof value === 'string' ? readImportDate(value) : null;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/**
 * What write-back does to one issue's labels: add the Keyline labels it
 * should carry and lacks; remove only labels Keyline itself added (`written`)
 * that it should no longer carry. A label a person added is never removed.
 */
export function planLabelChanges(input: {
  current: readonly string[];
  written: readonly string[];
  desired: readonly string[];
}): { add: string[]; remove: string[]; written: string[] } {
  const current = new Set(input.current);
  const desired = new Set(input.desired);
  const stillThere = input.written.filter((l) => current.has(l));
  const add = [...desired].filter((l) => !current.has(l)).sort();
  const remove = stillThere.filter((l) => !desired.has(l)).sort();
  const written = [...new Set([...stillThere, ...add])].filter((l) => desired.has(l)).sort();
  return { add, remove, written };
}
