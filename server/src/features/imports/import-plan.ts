import { randomUUID } from 'node:crypto';
import { EstimateFieldsSchema, type EstimateFields, type ImportIssue, type ImportRow } from '@keyline/shared';
import type { BacklogItemEntity } from '../backlog/backlog-item.entity';
import type { CsvTable } from './csv-reader';
import { RowReader, type RowValues } from './import-row';

/** A new item, complete but for its rank (handed out at write time, after the current bottom). */
export type NewItem = Omit<BacklogItemEntity, 'rank'>;

export interface PlannedUpdate {
  row: number;
  before: BacklogItemEntity;
  changes: Partial<BacklogItemEntity>;
}

export interface ImportPlan {
  creates: { row: number; item: NewItem }[];
  updates: PlannedUpdate[];
  skips: { row: number; externalKey: string | null; title: string; reason: string }[];
  /** Every row, in file order, as the preview shows it (error rows left out: they are in `errors`). */
  rows: ImportRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorRows: number;
}

const ESTIMATES = Object.keys(EstimateFieldsSchema.shape) as (keyof EstimateFields)[];
const NO_ESTIMATES = Object.fromEntries(ESTIMATES.map((f) => [f, null])) as Record<keyof EstimateFields, null>;

/**
 * Decides, row by row, what an import would do: create a new item, update
 * the item with the same key (so importing the same export again updates
 * instead of duplicating), or skip (empty, unchanged, or repeated identically
 * in the file). Pure: the caller loads the items with the file's keys.
 */
export function planImport(
  table: CsvTable,
  reader: RowReader,
  existingByKey: ReadonlyMap<string, BacklogItemEntity>,
  now: string,
): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], skips: [], rows: [], errors: [], warnings: [], errorRows: 0 };
  const seen = new Map<string, { row: number; signature: string }>();
  table.records.forEach((record, index) => {
    const row = index + 2;
    if (record.every((c) => c.trim() === '')) {
      skip(plan, row, null, '', 'Empty row');
      return;
    }
    const { values, errors, warnings } = reader.read(record, row);
    plan.warnings.push(...warnings);
    const key = values.externalKey ?? null;
    if (key !== null) {
      const signature = JSON.stringify(values);
      const first = seen.get(key);
      if (first && first.signature === signature) {
        skip(plan, row, key, values.title ?? '', `Same as row ${first.row}`);
        return;
      }
      if (first)
        errors.push({
          row,
          column: reader.columnOf('externalKey'),
          message: `${key} is also on row ${first.row}, with different values: keep one of them`,
        });
      else seen.set(key, { row, signature });
    }
    if (errors.length) {
      plan.errors.push(...errors);
      plan.errorRows++;
      return;
    }
    const existing = key === null ? undefined : existingByKey.get(key);
    if (existing) planUpdate(plan, row, existing, values, now);
    else planCreate(plan, row, values, now);
  });
  return plan;
}

function skip(plan: ImportPlan, row: number, externalKey: string | null, title: string, reason: string): void {
  plan.skips.push({ row, externalKey, title, reason });
  plan.rows.push({ row, action: 'skip', externalKey, title, detail: reason });
}

function planCreate(plan: ImportPlan, row: number, v: RowValues, now: string): void {
  const item: NewItem = {
    id: randomUUID(),
    title: v.title ?? '',
    description: v.description ?? '',
    type: v.type ?? 'feature',
    status: v.status ?? 'idea',
    teamId: v.teamId ?? null,
    ...NO_ESTIMATES,
    ...v.estimates,
    externalKey: v.externalKey ?? null,
    labels: v.labels ?? [],
    version: 1,
    // Jira's Created date keeps the item's real age; a future one would be nonsense.
    createdAt: v.createdAt && v.createdAt < now ? v.createdAt : now,
    updatedAt: now,
    doneAt: doneAtOf(v.status ?? 'idea', v.doneAt, now),
  };
  plan.creates.push({ row, item });
  plan.rows.push({ row, action: 'create', externalKey: item.externalKey, title: item.title, detail: '' });
}

/** Only what the file says and the item lacks: an empty cell never clears a value set in Keyline. */
function planUpdate(plan: ImportPlan, row: number, before: BacklogItemEntity, v: RowValues, now: string): void {
  const changes: Partial<BacklogItemEntity> = {};
  const set = <K extends keyof BacklogItemEntity>(field: K, value: BacklogItemEntity[K] | undefined) => {
    if (value !== undefined && !sameValue(before[field], value)) changes[field] = value;
  };
  set('title', v.title);
  set('description', v.description);
  set('type', v.type);
  set('status', v.status);
  set('labels', v.labels);
  set('teamId', v.teamId);
  for (const field of ESTIMATES) set(field, v.estimates[field]);
  const status = v.status ?? before.status;
  // Done date: the file's Resolved date when it has one; else stamped when the status becomes done, cleared when it stops.
  if (v.doneAt !== undefined || status !== before.status) {
    const keep = status === 'done' && before.status === 'done' && v.doneAt === undefined;
    if (!keep) set('doneAt', doneAtOf(status, v.doneAt, now));
  }
  const changed = Object.keys(changes);
  if (changed.length === 0) {
    skip(plan, row, before.externalKey, before.title, 'Unchanged');
    return;
  }
  plan.updates.push({ row, before, changes });
  plan.rows.push({
    row,
    action: 'update',
    externalKey: before.externalKey,
    title: v.title ?? before.title,
    detail: `Changes ${changed.join(', ')}`,
  });
}

/** A done item's done date: Resolved if given (never in the future), else the import time; null unless done. */
function doneAtOf(status: string, resolved: string | undefined, now: string): string | null {
  if (status !== 'done') return null;
  return resolved !== undefined && resolved < now ? resolved : now;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
