import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  readImportDate,
  readImportNumber,
  readItemStatus,
  readItemType,
  readLabels,
  suggestMapping,
} from './import-values';

describe('reading Jira and spreadsheet cells', () => {
  it('recognises a Jira export by its headers, whatever their case', () => {
    expect(detectFormat(['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status'])).toBe('jira');
    expect(detectFormat(['summary', 'ISSUE KEY', 'issue type'])).toBe('jira');
    expect(detectFormat(['Title', 'Key', 'Status'])).toBe('generic');
  });

  it('maps Jira columns and ignores the rest; suggests fields for a generic file', () => {
    const jira = suggestMapping(
      ['Summary', 'Issue key', 'Labels', 'Labels', 'Custom field (Story Points)', 'Sprint', 'Priority'],
      'jira',
    );
    expect(jira).toEqual({
      Summary: 'title',
      'Issue key': 'externalKey',
      Labels: 'labels',
      'Custom field (Story Points)': 'effort',
      Sprint: 'ignore',
      Priority: 'ignore',
    });
    expect(suggestMapping(['Title', 'Effort (pts)', 'Business value', 'Tags', 'Owner', ''], 'generic')).toEqual({
      Title: 'title',
      'Effort (pts)': 'effort',
      'Business value': 'businessValue',
      Tags: 'labels',
      Owner: 'ignore',
    });
  });

  it('maps Jira issue types, and says when it had to guess', () => {
    expect(readItemType('Story')).toEqual({ value: 'feature', known: true });
    expect(readItemType('Sub-task')).toEqual({ value: 'chore', known: true });
    expect(readItemType('Technical Debt')).toEqual({ value: 'tech-debt', known: true });
    expect(readItemType('Spike')).toEqual({ value: 'experiment', known: true });
    expect(readItemType('bug')).toEqual({ value: 'bug', known: true });
    expect(readItemType('Legal review')).toEqual({ value: 'feature', known: false });
  });

  it('maps Jira statuses, uses the status category for custom ones and the resolution for won’t-do', () => {
    expect(readItemStatus('To Do').value).toBe('ready');
    expect(readItemStatus('Backlog').value).toBe('idea');
    expect(readItemStatus('In Review').value).toBe('in-progress');
    expect(readItemStatus('Done').value).toBe('done');
    expect(readItemStatus('Done', { resolution: "Won't Do" }).value).toBe('dropped');
    expect(readItemStatus('Closed', { resolution: 'Fixed' }).value).toBe('done');
    expect(readItemStatus('Waiting for Legal', { statusCategory: 'In Progress' })).toEqual({
      value: 'in-progress',
      known: true,
    });
    expect(readItemStatus('Waiting for Legal')).toEqual({ value: 'idea', known: false });
    expect(readItemStatus('in-progress').value).toBe('in-progress');
  });

  it('reads Jira and ISO dates as UTC timestamps and refuses impossible ones', () => {
    expect(readImportDate('12/Mar/24 10:15 AM')).toBe('2024-03-12T10:15:00.000Z');
    expect(readImportDate('03/Jan/25 12:05 PM')).toBe('2025-01-03T12:05:00.000Z');
    expect(readImportDate('03/Jan/25 12:05 AM')).toBe('2025-01-03T00:05:00.000Z');
    expect(readImportDate('7/Nov/2023 14:30')).toBe('2023-11-07T14:30:00.000Z');
    expect(readImportDate('2024-03-12 10:15')).toBe('2024-03-12T10:15:00.000Z');
    expect(readImportDate('2024-03-12T10:15:00.000+0100')).toBe('2024-03-12T09:15:00.000Z');
    expect(readImportDate('2024-03-12T10:15:00-05:00')).toBe('2024-03-12T15:15:00.000Z');
    expect(readImportDate('2024-03-12')).toBe('2024-03-12T00:00:00.000Z');
    expect(readImportDate('12.03.2024 10:15')).toBe('2024-03-12T10:15:00.000Z');
    expect(readImportDate('31/Feb/24 10:15 AM')).toBeNull();
    expect(readImportDate('yesterday')).toBeNull();
  });

  it('reads numbers with a decimal point or comma and percentages; empty is null, never 0', () => {
    expect(readImportNumber('5')).toBe(5);
    expect(readImportNumber(' 2.5 ')).toBe(2.5);
    expect(readImportNumber('2,5')).toBe(2.5);
    expect(readImportNumber('80%')).toBe(0.8);
    expect(readImportNumber('')).toBeNull();
    expect(readImportNumber('  ')).toBeNull();
    expect(readImportNumber('five')).toBeUndefined();
    expect(readImportNumber('1,234,5')).toBeUndefined();
  });

  it('collects labels from repeated columns and lists in one cell', () => {
    expect(readLabels(['growth', 'onboarding', '', 'growth'])).toEqual(['growth', 'onboarding']);
    expect(readLabels(['a, b; c'])).toEqual(['a', 'b', 'c']);
  });
});
