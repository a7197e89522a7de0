import type { ItemStatus, ItemType } from '../backlog/backlog.schemas';
import type { ImportField, ImportFormat, ImportMapping } from './import.schemas';

/*
 * Pure reading of CSV cells into backlog values: header recognition, Jira's
 * issue types, statuses and dates, numbers written the European way. No I/O,
 * so the rules are unit-tested here and shared by server and client.
 */

/** `Custom field (Story Points)` → `customfieldstorypoints`: compares headers whatever their spacing or case. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const JIRA_COLUMNS: Record<string, ImportField> = {
  issuekey: 'externalKey',
  summary: 'title',
  description: 'description',
  issuetype: 'type',
  status: 'status',
  labels: 'labels',
  customfieldstorypoints: 'effort',
  storypoints: 'effort',
  customfieldstorypointestimate: 'effort',
  storypointestimate: 'effort',
  created: 'createdAt',
  resolved: 'doneAt',
  // Jira exports one "Component/s" column per component: the first that names a Keyline team is the team.
  components: 'team',
  component: 'team',
};

/** Header names a generic CSV (or Keyline's own export) tends to use, per field. */
const GENERIC_COLUMNS: Record<string, ImportField> = {
  ...JIRA_COLUMNS,
  key: 'externalKey',
  externalkey: 'externalKey',
  externalid: 'externalKey',
  ticket: 'externalKey',
  title: 'title',
  name: 'title',
  item: 'title',
  details: 'description',
  notes: 'description',
  type: 'type',
  kind: 'type',
  state: 'status',
  label: 'labels',
  tags: 'labels',
  tag: 'labels',
  team: 'team',
  squad: 'team',
  effort: 'effort',
  effortpts: 'effort',
  estimate: 'effort',
  points: 'effort',
  reach: 'reach',
  impact: 'impact',
  confidence: 'confidence',
  businessvalue: 'businessValue',
  timecriticality: 'timeCriticality',
  riskreduction: 'riskReduction',
  jobsize: 'jobSize',
  ease: 'ease',
  createdat: 'createdAt',
  datecreated: 'createdAt',
  resolveddate: 'doneAt',
  dateresolved: 'doneAt',
  doneat: 'doneAt',
  donedate: 'doneAt',
  completed: 'doneAt',
  completedat: 'doneAt',
};

/** Jira's CSV export always has these; together nothing else does. */
export function detectFormat(headers: readonly string[]): ImportFormat {
  const names = new Set(headers.map(normaliseHeader));
  return names.has('issuekey') && names.has('summary') && (names.has('issuetype') || names.has('issueid'))
    ? 'jira'
    : 'generic';
}

/** The mapping to start from: Jira's known columns, or headers that name a field. */
export function suggestMapping(headers: readonly string[], format: ImportFormat): ImportMapping {
  const table = format === 'jira' ? JIRA_COLUMNS : GENERIC_COLUMNS;
  const mapping: ImportMapping = {};
  for (const header of headers) {
    if (header === '' || header in mapping) continue;
    mapping[header] = table[normaliseHeader(header)] ?? 'ignore';
  }
  return mapping;
}

export interface Read<T> {
  value: T;
  /** False when the cell was not recognised and a default was used (a warning, not an error). */
  known: boolean;
}

const TYPE_WORDS: Record<string, ItemType> = {
  feature: 'feature',
  story: 'feature',
  userstory: 'feature',
  newfeature: 'feature',
  epic: 'feature',
  improvement: 'feature',
  enhancement: 'feature',
  requirement: 'feature',
  bug: 'bug',
  defect: 'bug',
  incident: 'bug',
  problem: 'bug',
  techdebt: 'tech-debt',
  technicaldebt: 'tech-debt',
  debt: 'tech-debt',
  refactor: 'tech-debt',
  refactoring: 'tech-debt',
  chore: 'chore',
  task: 'chore',
  subtask: 'chore',
  maintenance: 'chore',
  experiment: 'experiment',
  spike: 'experiment',
  research: 'experiment',
  discovery: 'experiment',
  hypothesis: 'experiment',
};

/** Jira issue types (Story, Bug, Task, Sub-task, Spike, …) and Keyline's own names onto Keyline's types. */
export function readItemType(cell: string): Read<ItemType> {
  const type = TYPE_WORDS[normaliseHeader(cell)];
  return type ? { value: type, known: true } : { value: 'feature', known: false };
}

const STATUS_WORDS: Record<string, ItemStatus> = {
  idea: 'idea',
  backlog: 'idea',
  open: 'idea',
  new: 'idea',
  funnel: 'idea',
  parkinglot: 'idea',
  proposed: 'idea',
  draft: 'idea',
  triage: 'idea',
  ready: 'ready',
  todo: 'ready',
  selectedfordevelopment: 'ready',
  readyfordevelopment: 'ready',
  readyfordev: 'ready',
  groomed: 'ready',
  refined: 'ready',
  planned: 'ready',
  committed: 'ready',
  reopened: 'ready',
  inprogress: 'in-progress',
  indevelopment: 'in-progress',
  indev: 'in-progress',
  doing: 'in-progress',
  inreview: 'in-progress',
  codereview: 'in-progress',
  review: 'in-progress',
  qa: 'in-progress',
  inqa: 'in-progress',
  intest: 'in-progress',
  testing: 'in-progress',
  blocked: 'in-progress',
  started: 'in-progress',
  wip: 'in-progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  released: 'done',
  complete: 'done',
  completed: 'done',
  shipped: 'done',
  fixed: 'done',
  deployed: 'done',
  accepted: 'done',
  dropped: 'dropped',
  wontdo: 'dropped',
  wontfix: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
  rejected: 'dropped',
  declined: 'dropped',
  obsolete: 'dropped',
  duplicate: 'dropped',
  abandoned: 'dropped',
  cannotreproduce: 'dropped',
};

/** Jira resolutions that mean "closed without doing it". */
const DROPPING_RESOLUTIONS = new Set([
  'wontdo',
  'wontfix',
  'duplicate',
  'cannotreproduce',
  'declined',
  'obsolete',
  'rejected',
  'cancelled',
  'canceled',
]);

const CATEGORY_STATUS: Record<string, ItemStatus> = { todo: 'idea', inprogress: 'in-progress', done: 'done' };

/**
 * Jira status names onto Keyline's. A custom workflow status falls back on
 * Jira's Status Category column; "Done" with a Won't Do resolution is dropped.
 */
export function readItemStatus(
  cell: string,
  extra: { resolution?: string; statusCategory?: string } = {},
): Read<ItemStatus> {
  const direct = STATUS_WORDS[normaliseHeader(cell)];
  const fallback = CATEGORY_STATUS[normaliseHeader(extra.statusCategory ?? '')];
  const status = direct ?? fallback;
  if (!status) return { value: 'idea', known: false };
  if (status === 'done' && DROPPING_RESOLUTIONS.has(normaliseHeader(extra.resolution ?? '')))
    return { value: 'dropped', known: true };
  return { value: status, known: true };
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * A date as Jira and spreadsheets write it, as an ISO timestamp (UTC):
 * `12/Mar/24 10:15 AM` (Jira's default), `12/Mar/2024 14:05`, `2024-03-12 10:15`,
 * `2024-03-12T10:15:00.000+0100`, `12.03.2024 10:15`. A time without a zone
 * is read as UTC. Null when it is none of these.
 */
export function readImportDate(cell: string): string | null {
  const text = cell.trim();
  let m =
    /^(\d{1,2})[/ -]([A-Za-z]{3})[a-z]*[/ -](\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(
      text,
    );
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month === undefined) return null;
    const year = (m[3] ?? '').length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return utc(year, month, Number(m[1]), twelveHour(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (m) {
    const local = utc(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      Number((m[7] ?? '0').padEnd(3, '0')),
    );
    if (!local || !m[8] || m[8] === 'Z') return local;
    const sign = m[8].startsWith('-') ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(Date.parse(local) - offsetMinutes * 60_000).toISOString();
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m)
    return utc(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return null;
}

function twelveHour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/** Null for impossible dates (31 Feb) instead of JavaScript's silent roll-over. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): string | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, ms));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date.toISOString();
}

/**
 * A number cell: `5`, `2.5`, `2,5` (decimal comma), `80%` (→ 0.8). Empty → null
 * (not estimated, never 0); anything else → undefined, which the caller reports.
 */
export function readImportNumber(cell: string): number | null | undefined {
  const text = cell.trim();
  if (text === '') return null;
  const percent = text.endsWith('%');
  const body = (percent ? text.slice(0, -1).trim() : text).replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const value = Number(body);
  if (!Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}

/** Labels from one or more cells: each cell may hold several, split on commas or semicolons. Trimmed, de-duplicated. */
export function readLabels(cells: readonly string[]): string[] {
  const labels: string[] = [];
  for (const cell of cells) {
    for (const part of cell.split(/[,;]/)) {
      const label = part.trim();
      if (label && !labels.includes(label)) labels.push(label);
    }
  }
  return labels;
}
