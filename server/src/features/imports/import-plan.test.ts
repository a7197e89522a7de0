import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '@keyline/shared';
import type { BacklogItemEntity } from '../backlog/backlog-item.entity';
import type { CsvTable } from './csv-reader';
import { planImport, type NewItem } from './import-plan';
import { RowReader } from './import-row';

const NOW = '2026-12-07T10:00:00.000Z';
const HEADERS = ['Issue key', 'Summary', 'Status', 'Story Points', 'Resolved'];
const MAPPING: ImportMapping = {
  'Issue key': 'externalKey',
  Summary: 'title',
  Status: 'status',
  'Story Points': 'effort',
  Resolved: 'doneAt',
};

const table = (...records: string[][]): CsvTable => ({ headers: HEADERS, records, delimiter: ',' });
const plan = (records: string[][], existing: BacklogItemEntity[] = []) =>
  planImport(
    table(...records),
    new RowReader(HEADERS, MAPPING, new Map()),
    new Map(existing.map((item) => [item.externalKey ?? '', item])),
    NOW,
  );

/** An item as the database holds it, built from a planned create so no column is forgotten. */
function stored(key: string, overrides: Partial<BacklogItemEntity> = {}): BacklogItemEntity {
  const created = plan([[key, `Stored ${key}`, 'To Do', '3', '']]).creates[0]!.item as NewItem;
  return { ...created, rank: 1, createdAt: '2026-11-01T00:00:00.000Z', ...overrides } as BacklogItemEntity;
}

describe('planImport', () => {
  it('creates an item per new row, with the spreadsheet row number and the file’s values', () => {
    const result = plan([['KL-1', 'SSO for teams', 'In Progress', '5', '']]);
    expect(result.errors).toEqual([]);
    expect(result.creates).toHaveLength(1);
    const { row, item } = result.creates[0]!;
    expect(row).toBe(2);
    expect(item).toMatchObject({
      externalKey: 'KL-1',
      title: 'SSO for teams',
      effort: 5,
      version: 1,
      createdAt: NOW,
      doneAt: null,
    });
    expect(result.rows).toEqual([
      { row: 2, action: 'create', externalKey: 'KL-1', title: 'SSO for teams', detail: '' },
    ]);
  });

  it('skips empty rows and rows repeated identically, and refuses a key repeated with other values', () => {
    const result = plan([
      ['KL-1', 'SSO for teams', 'To Do', '5', ''],
      ['', '', '', '', ''],
      ['KL-1', 'SSO for teams', 'To Do', '5', ''],
      ['KL-1', 'SSO for everyone', 'To Do', '5', ''],
    ]);
    expect(result.creates.map((c) => c.row)).toEqual([2]);
    expect(result.skips.map((s) => [s.row, s.reason])).toEqual([
      [3, 'Empty row'],
      [4, 'Same as row 2'],
    ]);
    expect(result.errorRows).toBe(1);
    expect(result.errors).toEqual([
      {
        row: 5,
        column: 'Issue key',
        message: 'KL-1 is also on row 2, with different values: keep one of them',
      },
    ]);
  });

  it('updates the item with the same key with only what changed, and skips it when nothing did', () => {
    const existing = stored('KL-7', { title: 'Dark mode', effort: 3 });
    const changed = plan([['KL-7', 'Dark mode', 'To Do', '8', '']], [existing]);
    expect(changed.creates).toEqual([]);
    expect(changed.updates).toEqual([{ row: 2, before: existing, changes: { effort: 8 } }]);
    expect(changed.rows[0]).toMatchObject({ action: 'update', detail: 'Changes effort' });

    const same = plan([['KL-7', 'Dark mode', 'To Do', '3', '']], [existing]);
    expect(same.updates).toEqual([]);
    expect(same.skips).toEqual([{ row: 2, externalKey: 'KL-7', title: 'Dark mode', reason: 'Unchanged' }]);
  });

  it('never clears a value set in Keyline from an empty cell', () => {
    const existing = stored('KL-8', { title: 'Bulk CSV import', effort: 8 });
    const result = plan([['KL-8', 'Bulk CSV import', 'To Do', '', '']], [existing]);
    expect(result.updates).toEqual([]);
    expect(result.skips[0]?.reason).toBe('Unchanged');
  });

  it('dates a done item by its Resolved date, or the import time when that is missing or in the future', () => {
    const result = plan([
      ['KL-1', 'Resolved in the past', 'Done', '1', '2026-11-20'],
      ['KL-2', 'No resolved date', 'Done', '1', ''],
      ['KL-3', 'Resolved in the future', 'Done', '1', '2027-01-20'],
    ]);
    expect(result.errors).toEqual([]);
    const doneAt = result.creates.map((c) => c.item.doneAt);
    expect(doneAt[0]?.startsWith('2026-11-20')).toBe(true);
    expect(doneAt.slice(1)).toEqual([NOW, NOW]);
  });

  it('stamps the done date when an update makes an item done, and clears it when it stops being done', () => {
    const open = stored('KL-9', { title: 'Pricing page', status: 'ready', doneAt: null });
    const finished = plan([['KL-9', 'Pricing page', 'Done', '3', '']], [open]);
    expect(finished.updates[0]?.changes).toEqual({ status: 'done', doneAt: NOW });

    const done = stored('KL-9', { title: 'Pricing page', status: 'done', doneAt: '2026-11-02T00:00:00.000Z' });
    const reopened = plan([['KL-9', 'Pricing page', 'To Do', '3', '']], [done]);
    expect(reopened.updates[0]?.changes).toMatchObject({ doneAt: null });
  });
});
