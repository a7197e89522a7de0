import type { Connection, ConnectionState, ConnectionTest, SyncRun } from '@keyline/shared';
import { formatNumber } from '../../../lib/format';

/** Icon + word for each state: never colour alone. */
export const STATE_LABELS: Record<
  ConnectionState,
  { icon: string; text: string; tone: 'ok' | 'warn' | 'bad' | 'off' }
> = {
  active: { icon: '●', text: 'Active', tone: 'ok' },
  paused: { icon: 'Ⅱ', text: 'Paused', tone: 'off' },
  'auth-failed': { icon: '✕', text: 'Token refused', tone: 'bad' },
  'needs-token': { icon: '▲', text: 'Needs its token', tone: 'warn' },
};

export const KIND_LABELS = { jira: 'Jira Cloud', github: 'GitHub Issues' } as const;

/** "Jira · project = ABC" / "GitHub · acme/web, labelled roadmap": what the connection reads. */
export function querySummary(c: Connection): string {
  if (c.kind === 'jira') return c.jql;
  const labels = c.labelsFilter.length ? `, labelled ${c.labelsFilter.join(' + ')}` : '';
  return `${c.repo}${labels}`;
}

/** "120 fetched · 4 created · 3 updated · 1 archived": the counts that are not zero, fetched always. */
export function runCounts(run: SyncRun): string {
  const parts = [`${formatNumber(run.fetched)} fetched`];
  const add = (n: number, word: string) => {
    if (n > 0) parts.push(`${formatNumber(n)} ${word}`);
  };
  add(run.created, 'created');
  add(run.updated, 'updated');
  add(run.archived, 'archived');
  add(run.restored, 'restored');
  add(run.labelsWritten, run.labelsWritten === 1 ? 'label written' : 'labels written');
  add(run.errorCount, run.errorCount === 1 ? 'issue with a problem' : 'issues with problems');
  return parts.join(' · ');
}

export const RUN_RESULT: Record<SyncRun['state'], { icon: string; text: string }> = {
  running: { icon: '↻', text: 'Running' },
  succeeded: { icon: '✓', text: 'Succeeded' },
  failed: { icon: '✕', text: 'Failed' },
};

export function runKind(run: SyncRun): string {
  const mode = run.mode === 'full' ? 'Full pass' : 'Changes only';
  const trigger = { manual: 'started by hand', schedule: 'on schedule', nightly: 'nightly' }[run.trigger];
  return `${mode}, ${trigger}`;
}

/** The test's answer as sentences a person reads top to bottom. */
export function testSentences(kind: Connection['kind'], test: ConnectionTest): string[] {
  const tracker = kind === 'jira' ? 'Jira' : 'GitHub';
  const lines: string[] = [];
  if (test.account) lines.push(`Reached ${tracker} as ${test.account}.`);
  if (test.matchingIssues !== null) {
    lines.push(
      `The ${kind === 'jira' ? 'query' : 'repository'} matches ${kind === 'jira' ? 'about ' : ''}${formatNumber(test.matchingIssues)} ${test.matchingIssues === 1 ? 'issue' : 'issues'}.`,
    );
  }
  for (const f of test.fields) {
    const role = { storyPoints: 'Story points', team: 'Team', points: 'Points' }[f.role] ?? f.role;
    if (!f.id) lines.push(`${role}: not mapped (Keyline keeps its own).`);
    else if (f.found) lines.push(`${role}: ${f.id}${f.name && f.name !== f.id ? ` (${f.name})` : ''} found.`);
    else lines.push(`${role}: ${f.id} not found in ${tracker}.`);
  }
  return lines;
}

/** `owner/name` and comma lists as the form edits them. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
