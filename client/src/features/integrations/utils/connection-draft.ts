import type { Connection, CreateConnectionInput, UpdateConnectionInput } from '@keyline/shared';
import { splitList } from './connection-view';

/** What the connection form edits: every field as the inputs hold it. */
export interface ConnectionDraft {
  kind: 'jira' | 'github';
  name: string;
  baseUrl: string;
  email: string;
  token: string;
  jql: string;
  storyPoints: string;
  /** '' (none), 'components', or a custom field id typed in `teamField`. */
  teamFrom: '' | 'components' | 'custom';
  teamField: string;
  includeSubtasks: boolean;
  repo: string;
  labelsFilter: string;
  pointsLabelPrefix: string;
  writeBack: boolean;
  syncIntervalMinutes: string;
}

export const GITHUB_API = 'https://api.github.com';

export function emptyDraft(kind: ConnectionDraft['kind']): ConnectionDraft {
  return {
    kind,
    name: '',
    baseUrl: kind === 'github' ? GITHUB_API : '',
    email: '',
    token: '',
    jql: '',
    storyPoints: 'customfield_10016',
    teamFrom: 'components',
    teamField: '',
    includeSubtasks: false,
    repo: '',
    labelsFilter: '',
    pointsLabelPrefix: 'points:',
    writeBack: false,
    syncIntervalMinutes: '10',
  };
}

export function draftOf(c: Connection): ConnectionDraft {
  const base = { ...emptyDraft(c.kind), name: c.name, baseUrl: c.baseUrl, writeBack: c.writeBack };
  const interval = String(c.syncIntervalMinutes);
  if (c.kind === 'jira') {
    const team = c.fieldMap.team;
    return {
      ...base,
      email: c.email,
      jql: c.jql,
      storyPoints: c.fieldMap.storyPoints ?? '',
      teamFrom: !team ? '' : team === 'components' ? 'components' : 'custom',
      teamField: team && team !== 'components' ? team : '',
      includeSubtasks: c.includeSubtasks,
      syncIntervalMinutes: interval,
    };
  }
  return {
    ...base,
    repo: c.repo,
    labelsFilter: c.labelsFilter.join(', '),
    pointsLabelPrefix: c.pointsLabelPrefix ?? '',
    syncIntervalMinutes: interval,
  };
}

function fieldMap(d: ConnectionDraft) {
  const team = d.teamFrom === 'components' ? 'components' : d.teamFrom === 'custom' ? d.teamField.trim() : '';
  return {
    ...(d.storyPoints.trim() && { storyPoints: d.storyPoints.trim() }),
    ...(team && { team }),
  };
}

const interval = (d: ConnectionDraft) => Number(d.syncIntervalMinutes) || 10;

export function toCreateInput(d: ConnectionDraft): CreateConnectionInput {
  if (d.kind === 'jira') {
    return {
      kind: 'jira',
      name: d.name,
      baseUrl: d.baseUrl.trim(),
      email: d.email.trim(),
      apiToken: d.token,
      jql: d.jql,
      fieldMap: fieldMap(d),
      includeSubtasks: d.includeSubtasks,
      writeBack: d.writeBack,
      syncIntervalMinutes: interval(d),
    };
  }
  return {
    kind: 'github',
    name: d.name,
    baseUrl: d.baseUrl.trim() || GITHUB_API,
    repo: d.repo.trim(),
    token: d.token,
    labelsFilter: splitList(d.labelsFilter),
    pointsLabelPrefix: d.pointsLabelPrefix.trim() || null,
    writeBack: d.writeBack,
    syncIntervalMinutes: interval(d),
  };
}

/** Every field the form shows; the token only when one was typed (empty keeps the stored one). */
export function toUpdateInput(d: ConnectionDraft): UpdateConnectionInput {
  const common = {
    name: d.name,
    baseUrl: d.baseUrl.trim(),
    writeBack: d.writeBack,
    syncIntervalMinutes: interval(d),
  };
  if (d.kind === 'jira') {
    return {
      ...common,
      email: d.email.trim(),
      jql: d.jql,
      fieldMap: fieldMap(d),
      includeSubtasks: d.includeSubtasks,
      ...(d.token && { apiToken: d.token }),
    };
  }
  return {
    ...common,
    repo: d.repo.trim(),
    labelsFilter: splitList(d.labelsFilter),
    pointsLabelPrefix: d.pointsLabelPrefix.trim() || null,
    ...(d.token && { token: d.token }),
  };
}

/** The server names Jira's token `apiToken` and GitHub's `token`; the form has one field for both. */
export function formField(path: string): keyof ConnectionDraft | undefined {
  const map: Record<string, keyof ConnectionDraft> = {
    apiToken: 'token',
    token: 'token',
    fieldMap: 'storyPoints',
    labelsFilter: 'labelsFilter',
  };
  return map[path] ?? (path as keyof ConnectionDraft);
}
