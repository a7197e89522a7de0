import {
  EstimateFieldsSchema,
  normaliseHeader,
  readImportDate,
  readImportNumber,
  readItemStatus,
  readItemType,
  readLabels,
  type EstimateFields,
  type ImportField,
  type ImportIssue,
  type ImportMapping,
  type ItemStatus,
  type ItemType,
} from '@keyline/shared';

/** What one row says about an item. A field is present only when its cells are not empty. */
export interface RowValues {
  externalKey?: string;
  title?: string;
  description?: string;
  type?: ItemType;
  status?: ItemStatus;
  labels?: string[];
  teamId?: string;
  createdAt?: string;
  /** When a done item was done (Jira's Resolved). */
  doneAt?: string;
  estimates: Partial<EstimateFields>;
}

export interface ReadRow {
  values: RowValues;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const ESTIMATES = Object.keys(EstimateFieldsSchema.shape) as (keyof EstimateFields)[];
/** Divisors: 0 cannot be stored, and Jira uses 0 points for "not sized". */
const ZERO_MEANS_UNESTIMATED = new Set<keyof EstimateFields>(['effort', 'jobSize']);
const LIMITS = { externalKey: 100, title: 200, description: 10_000, label: 50, labels: 20 };

/**
 * Turns CSV records into item values by a mapping: which columns feed which
 * field, and the rules for reading each cell. Built once per file.
 */
export class RowReader {
  private readonly columns = new Map<ImportField, number[]>();
  private readonly resolutionColumn: number;
  private readonly statusCategoryColumn: number;

  constructor(
    private readonly headers: readonly string[],
    mapping: ImportMapping,
    private readonly teamsByName: ReadonlyMap<string, string>,
  ) {
    headers.forEach((header, index) => {
      const field = mapping[header];
      if (!field || field === 'ignore') return;
      const list = this.columns.get(field) ?? [];
      list.push(index);
      this.columns.set(field, list);
    });
    // Jira's helper columns refine the status; they need no mapping.
    this.resolutionColumn = headers.findIndex((h) => normaliseHeader(h) === 'resolution');
    this.statusCategoryColumn = headers.findIndex((h) => normaliseHeader(h) === 'statuscategory');
  }

  has(field: ImportField): boolean {
    return this.columns.has(field);
  }

  indicesOf(field: ImportField): readonly number[] {
    return this.columns.get(field) ?? [];
  }

  /** The header a field is read from, for messages. */
  columnOf(field: ImportField): string {
    return this.headers[this.columns.get(field)?.[0] ?? -1] ?? field;
  }

  read(record: readonly string[], row: number): ReadRow {
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const values: RowValues = { estimates: {} };
    const cell = (field: ImportField) => this.firstCell(record, field);

    const key = cell('externalKey');
    if (key) {
      if (key.value.length > LIMITS.externalKey)
        errors.push({ row, column: key.column, message: `A key is at most ${LIMITS.externalKey} characters` });
      else values.externalKey = key.value;
    }

    const title = cell('title');
    if (!title) errors.push({ row, column: this.columnOf('title'), message: 'Required: every item needs a title' });
    else if (title.value.length > LIMITS.title) {
      values.title = `${title.value.slice(0, LIMITS.title - 1)}…`;
      warnings.push({
        row,
        column: title.column,
        message: `Longer than ${LIMITS.title} characters: shortened; the full title starts the description`,
      });
    } else values.title = title.value;

    const description = cell('description');
    let text = description?.value ?? '';
    if (title && title.value.length > LIMITS.title) text = text ? `${title.value}\n\n${text}` : title.value;
    if (text) {
      if (text.length > LIMITS.description) {
        warnings.push({
          row,
          column: description?.column ?? title?.column ?? 'description',
          message: `Longer than ${LIMITS.description.toLocaleString('en')} characters: cut there`,
        });
        text = text.slice(0, LIMITS.description);
      }
      values.description = text;
    }

    const type = cell('type');
    if (type) {
      const read = readItemType(type.value);
      values.type = read.value;
      if (!read.known)
        warnings.push({
          row,
          column: type.column,
          message: `"${type.value}" is not a type Keyline knows: imported as feature`,
        });
    }

    const status = cell('status');
    if (status) {
      const read = readItemStatus(status.value, {
        resolution: record[this.resolutionColumn] ?? '',
        statusCategory: record[this.statusCategoryColumn] ?? '',
      });
      values.status = read.value;
      if (!read.known)
        warnings.push({
          row,
          column: status.column,
          message: `"${status.value}" is not a status Keyline knows: imported as idea`,
        });
    }

    this.readLabels(record, row, values, warnings);

    this.readTeam(record, row, values, errors, warnings);

    for (const field of ESTIMATES) this.readEstimate(record, row, field, values, errors, warnings);

    const created = cell('createdAt');
    if (created) {
      const iso = readImportDate(created.value);
      if (iso) values.createdAt = iso;
      else
        warnings.push({
          row,
          column: created.column,
          message: `"${created.value}" is not a date Keyline reads: the import time is used`,
        });
    }

    const resolved = cell('doneAt');
    if (resolved) {
      const iso = readImportDate(resolved.value);
      if (iso) values.doneAt = iso;
      else
        warnings.push({
          row,
          column: resolved.column,
          message: `"${resolved.value}" is not a date Keyline reads: a done item is dated by the import`,
        });
    }
    return { values, errors, warnings };
  }

  /**
   * The team: the first cell naming a Keyline team. Jira's Component/s
   * columns (one per component, most naming no team) follow the tracker
   * sync's rule: no component naming a team is a warning and no team; any
   * other team column naming no team is an error, as before.
   */
  private readTeam(
    record: readonly string[],
    row: number,
    values: RowValues,
    errors: ImportIssue[],
    warnings: ImportIssue[],
  ): void {
    const cells = this.cells(record, 'team');
    if (cells.length === 0) return;
    const match = cells.find((c) => this.teamsByName.has(c.value.toLowerCase()));
    if (match) {
      values.teamId = this.teamsByName.get(match.value.toLowerCase());
      return;
    }
    const first = cells[0] as { value: string; column: string };
    if (cells.every((c) => /^components?$/.test(normaliseHeader(c.column)))) {
      warnings.push({
        row,
        column: first.column,
        message: `No team named ${cells.map((c) => `"${c.value}"`).join(' or ')}: imported without a team (add the team in Settings → Teams and import again)`,
      });
      return;
    }
    errors.push({
      row,
      column: first.column,
      message: `No team named "${first.value}": create it first, or set this column to Ignore`,
    });
  }

  private readLabels(record: readonly string[], row: number, values: RowValues, warnings: ImportIssue[]): void {
    const indices = this.columns.get('labels');
    if (!indices) return;
    let labels = readLabels(indices.map((i) => record[i] ?? ''));
    if (labels.length === 0) return;
    const column = this.columnOf('labels');
    if (labels.some((l) => l.length > LIMITS.label)) {
      warnings.push({
        row,
        column,
        message: `Labels are at most ${LIMITS.label} characters: longer ones were shortened`,
      });
      labels = [...new Set(labels.map((l) => l.slice(0, LIMITS.label).trim()))];
    }
    if (labels.length > LIMITS.labels) {
      warnings.push({ row, column, message: `At most ${LIMITS.labels} labels: the first ${LIMITS.labels} were kept` });
      labels = labels.slice(0, LIMITS.labels);
    }
    values.labels = labels;
  }

  private readEstimate(
    record: readonly string[],
    row: number,
    field: keyof EstimateFields,
    values: RowValues,
    errors: ImportIssue[],
    warnings: ImportIssue[],
  ): void {
    const found = this.firstCell(record, field);
    if (!found) return;
    const number = readImportNumber(found.value);
    if (number === undefined) {
      errors.push({ row, column: found.column, message: `"${found.value}" is not a number` });
      return;
    }
    if (number === null) return;
    if (number === 0 && ZERO_MEANS_UNESTIMATED.has(field)) {
      warnings.push({ row, column: found.column, message: '0 is not an estimate Keyline can score: left unestimated' });
      return;
    }
    const checked = EstimateFieldsSchema.shape[field].safeParse(number);
    if (checked.success && checked.data !== null) values.estimates[field] = checked.data;
    else errors.push({ row, column: found.column, message: checked.error?.issues[0]?.message ?? 'Not a valid value' });
  }

  /** The first non-empty cell among the columns that feed a field. */
  private firstCell(record: readonly string[], field: ImportField): { value: string; column: string } | undefined {
    return this.cells(record, field)[0];
  }

  /** Every non-empty cell among the columns that feed a field, in column order. */
  private cells(record: readonly string[], field: ImportField): { value: string; column: string }[] {
    const found: { value: string; column: string }[] = [];
    for (const index of this.columns.get(field) ?? []) {
      // Windows line endings inside quoted cells become plain newlines, as typed in the app.
      let value = (record[index] ?? '').replace(/\r\n?/g, '\n').trim();
      // Keyline's export (and careful spreadsheets) put an apostrophe before text that would run as a formula.
      if (/^'[=+\-@\t]/.test(value)) value = value.slice(1);
      if (value !== '') found.push({ value, column: this.headers[index] ?? field });
    }
    return found;
  }
}
