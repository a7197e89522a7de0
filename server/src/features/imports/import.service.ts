import type { EntityManager } from 'typeorm';
import {
  detectFormat,
  IMPORT_MAPPING_SETTING,
  IMPORT_MAX_ISSUES,
  IMPORT_PREVIEW_ROWS,
  SavedImportMappingSchema,
  suggestMapping,
  type ImportField,
  type ImportFormat,
  type ImportMapping,
  type ImportQuery,
  type ImportResult,
  type SavedImportMapping,
} from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { SettingEntity } from '../settings/setting.entity';
import { TeamEntity } from '../teams/team.entity';
import { selectWhereIn } from './bulk-sql';
import { readCsv, type CsvTable } from './csv-reader';
import { planImport, type ImportPlan } from './import-plan';
import { RowReader } from './import-row';
import { writeImportPlan } from './import-writer';

const REQUIRED: readonly ImportField[] = ['title'];

/**
 * CSV and Jira import. Preview and apply run the same plan; apply runs it
 * inside one transaction (re-reading the items it matches there) and writes
 * every row or none.
 */
export class ImportService {
  constructor(private readonly db: Database) {}

  async run(actor: Actor, query: ImportQuery, body: Buffer): Promise<ImportResult> {
    const table = readCsv(body);
    const format = detectFormat(table.headers);
    if (query.mode === 'preview') {
      return this.db.read(async (m) => {
        const { mapping, plan } = await this.plan(m, table, format, query.mapping);
        return toResult('preview', false, table, format, mapping, plan);
      });
    }
    return this.db.write(async (m) => {
      const { mapping, plan, saved } = await this.plan(m, table, format, query.mapping);
      assertApplicable(table, mapping, plan);
      const now = nowIso();
      await writeImportPlan(m, actor, plan, now);
      await rememberMapping(m, actor, saved, format, mapping, now);
      return toResult('apply', true, table, format, mapping, plan);
    });
  }

  private async plan(m: EntityManager, table: CsvTable, format: ImportFormat, inline: ImportMapping | undefined) {
    const saved = await readSavedMapping(m);
    const mapping = resolveMapping(table.headers, format, inline ?? saved[format]);
    const teams = await m.find(TeamEntity, { select: { id: true, name: true } });
    const reader = new RowReader(table.headers, mapping, new Map(teams.map((t) => [t.name.toLowerCase(), t.id])));
    const existing = reader.has('externalKey')
      ? await itemsByKey(m, table, reader)
      : new Map<string, BacklogItemEntity>();
    return { mapping, saved, plan: planImport(table, reader, existing, nowIso()) };
  }
}

/**
 * The mapping for this file: the given (or saved) one for the headers it
 * names, suggestions for headers it does not know. Keys are the file's own
 * headers, so the UI can show one choice per column.
 */
export function resolveMapping(
  headers: readonly string[],
  format: ImportFormat,
  given: ImportMapping | undefined,
): ImportMapping {
  const suggested = suggestMapping(headers, format);
  const mapping: ImportMapping = {};
  for (const header of Object.keys(suggested)) mapping[header] = given?.[header] ?? suggested[header] ?? 'ignore';
  return mapping;
}

async function itemsByKey(
  m: EntityManager,
  table: CsvTable,
  reader: RowReader,
): Promise<Map<string, BacklogItemEntity>> {
  const keys = new Set<string>();
  for (const record of table.records) {
    for (const i of reader.indicesOf('externalKey')) {
      const key = record[i]?.trim();
      if (key) keys.add(key);
    }
  }
  const found = new Map<string, BacklogItemEntity>();
  for (const item of await selectWhereIn(m, BacklogItemEntity, 'externalKey', [...keys])) {
    if (item.externalKey) found.set(item.externalKey, item);
  }
  return found;
}

function assertApplicable(table: CsvTable, mapping: ImportMapping, plan: ImportPlan): void {
  const missing = missingFields(mapping);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `Nothing was imported: map a column to ${missing.join(', ')} first`, {
      issues: missing.map((f) => ({ path: ['mapping', f], message: 'Map a column to this field' })),
    });
  }
  if (plan.errors.length) {
    const first = plan.errors[0];
    throw new AppError(
      'VALIDATION_FAILED',
      `Nothing was imported: ${plan.errorRows} of ${table.records.length} rows have errors (first: row ${first?.row}, ${first?.column}: ${first?.message}). Preview the file to see them all.`,
      { issues: plan.errors.slice(0, 100).map((e) => ({ path: [e.row, e.column], message: e.message })) },
    );
  }
}

function missingFields(mapping: ImportMapping): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return REQUIRED.filter((f) => !mapped.has(f));
}

async function readSavedMapping(m: EntityManager): Promise<SavedImportMapping> {
  const row = await m.findOneBy(SettingEntity, { key: IMPORT_MAPPING_SETTING });
  const parsed = SavedImportMappingSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

/** A successful apply remembers the mapping for the next file of the same format. */
async function rememberMapping(
  m: EntityManager,
  actor: Actor,
  saved: SavedImportMapping,
  format: ImportFormat,
  mapping: ImportMapping,
  now: string,
): Promise<void> {
  const merged: SavedImportMapping = { ...saved, [format]: { ...saved[format], ...mapping } };
  if (JSON.stringify(merged) === JSON.stringify(saved)) return;
  const existing = await m.findOneBy(SettingEntity, { key: IMPORT_MAPPING_SETTING });
  if (existing) {
    await m.update(
      SettingEntity,
      { key: IMPORT_MAPPING_SETTING },
      { value: merged, version: existing.version + 1, updatedAt: now },
    );
  } else {
    await m.insert(SettingEntity, { key: IMPORT_MAPPING_SETTING, value: merged, version: 1, updatedAt: now });
  }
  await recordAudit(
    m,
    actor,
    'setting',
    IMPORT_MAPPING_SETTING,
    existing ? 'update' : 'create',
    existing?.value ?? null,
    merged,
  );
}

function toResult(
  mode: 'preview' | 'apply',
  applied: boolean,
  table: CsvTable,
  format: ImportFormat,
  mapping: ImportMapping,
  plan: ImportPlan,
): ImportResult {
  return {
    mode,
    applied,
    format,
    delimiter: table.delimiter,
    headers: [...new Set(table.headers.filter((h) => h !== ''))],
    mapping,
    missingFields: missingFields(mapping),
    totalRows: table.records.length,
    counts: {
      create: plan.creates.length,
      update: plan.updates.length,
      skip: plan.skips.length,
      error: plan.errorRows,
    },
    rows: plan.rows.slice(0, IMPORT_PREVIEW_ROWS),
    errors: plan.errors.slice(0, IMPORT_MAX_ISSUES),
    warnings: plan.warnings.slice(0, IMPORT_MAX_ISSUES),
    warningCount: plan.warnings.length,
  };
}
