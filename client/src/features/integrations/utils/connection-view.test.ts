import { describe, expect, it } from 'vitest';
import type { ConnectionTest, SyncRun } from '@keyline/shared';
import { runCounts, splitList, testSentences } from './connection-view';

const run = (over: Partial<SyncRun>): SyncRun => ({
  id: 'r',
  connectionId: 'c',
  mode: 'incremental',
  trigger: 'manual',
  state: 'succeeded',
  startedAt: '2026-12-06T10:00:00.000Z',
  finishedAt: null,
  fetched: 0,
  created: 0,
  updated: 0,
  archived: 0,
  restored: 0,
  labelsWritten: 0,
  errors: [],
  errorCount: 0,
  message: null,
  ...over,
});

describe('runCounts', () => {
  it('says what was fetched and only the counts that are not zero', () => {
    expect(runCounts(run({ fetched: 1200, created: 4, archived: 1, errorCount: 2 }))).toBe(
      '1,200 fetched · 4 created · 1 archived · 2 issues with problems',
    );
    expect(runCounts(run({}))).toBe('0 fetched');
  });
});

describe('testSentences', () => {
  it('reads the test answer as sentences', () => {
    const test: ConnectionTest = {
      ok: true,
      account: 'Sync Bot',
      matchingIssues: 412,
      fields: [
        { role: 'storyPoints', id: 'customfield_10016', name: 'Story point estimate', found: true },
        { role: 'team', id: null, name: null, found: false },
      ],
      suggestions: [],
      message: null,
    };
    expect(testSentences('jira', test)).toEqual([
      'Reached Jira as Sync Bot.',
      'The query matches about 412 issues.',
      'Story points: customfield_10016 (Story point estimate) found.',
      'Team: not mapped (Keyline keeps its own).',
    ]);
  });
});

describe('splitList', () => {
  it('splits and trims a comma list', () => {
    expect(splitList(' roadmap, team-a ,,')).toEqual(['roadmap', 'team-a']);
  });
});
