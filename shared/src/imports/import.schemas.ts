import { z } from 'zod';

/** Upload limits: the server answers 413 past either, with a message naming it. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

/** The backlog fields a CSV column can fill. */
export const IMPORT_FIELDS = [
  'externalKey',
  'title',
  'description',
  'type',
  'status',
  'labels',
  'team',
  'effort',
  'reach',
  'impact',
  'confidence',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'ease',
  'createdAt',
  'doneAt',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

/** What a user sees in the mapping UI, one label per field. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  externalKey: 'Key (e.g. PROJ-12)',
  title: 'Title',
  description: 'Description',
  type: 'Type',
  status: 'Status',
  labels: 'Labels',
  team: 'Team (by name)',
  effort: 'Effort (pts)',
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  businessValue: 'Business value',
  timeCriticality: 'Time criticality',
  riskReduction: 'Risk reduction',
  jobSize: 'Job size',
  ease: 'Ease',
  createdAt: 'Created',
  doneAt: 'Resolved (done date)',
};

/**
 * Column header → field, or `ignore`. Keyed by header text so a saved mapping
 * applies to the next export with the same columns. Several columns may feed
 * one field: labels collects them all (Jira repeats `Labels`), any other
 * field takes the first non-empty cell in column order (Jira Cloud exports
 * both `Story Points` and `Story point estimate`).
 */
export const ImportMappingSchema = z.record(z.string().max(200), z.union([ImportFieldSchema, z.literal('ignore')]));
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const IMPORT_FORMATS = ['jira', 'generic'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The `mapping` query parameter: the mapping as JSON. */
const MappingParamSchema = z
  .string()
  .max(20_000, 'At most 20,000 characters')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Must be JSON: {"Column header": "title", ...}' });
      return z.NEVER;
    }
  })
  .pipe(ImportMappingSchema);

export const ImportQuerySchema = z.strictObject({
  /** `preview` writes nothing; `apply` writes every row or none. */
  mode: z.enum(['preview', 'apply']).default('preview'),
  /** Overrides the saved mapping; a successful apply saves it. */
  mapping: MappingParamSchema.optional(),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** A problem in one cell: spreadsheet row number (the header is row 1) and column header. */
export const ImportIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const IMPORT_ACTIONS = ['create', 'update', 'skip'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const ImportRowSchema = z.object({
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  externalKey: z.string().nullable(),
  title: z.string(),
  /** For updates: the fields that change. For skips: why. */
  detail: z.string(),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  /** True only when the rows were written. */
  applied: z.boolean(),
  format: z.enum(IMPORT_FORMATS),
  delimiter: z.string(),
  /** Column headers in file order (repeated headers such as Jira's `Labels` appear once). */
  headers: z.array(z.string()),
  /** The mapping used: header → field or `ignore`. */
  mapping: ImportMappingSchema,
  /** Fields that must be mapped before applying (e.g. `title`). */
  missingFields: z.array(ImportFieldSchema),
  totalRows: z.number().int(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    skip: z.number().int(),
    error: z.number().int(),
  }),
  /** The first rows of the plan (at most IMPORT_PREVIEW_ROWS). */
  rows: z.array(ImportRowSchema),
  /** Cell errors, at most IMPORT_MAX_ISSUES listed; counts.error has the number of rows with errors. */
  errors: z.array(ImportIssueSchema),
  /** Things imported with a change the user should know about (e.g. an unknown status read as idea). */
  warnings: z.array(ImportIssueSchema),
  warningCount: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const IMPORT_PREVIEW_ROWS = 200;
export const IMPORT_MAX_ISSUES = 500;

/** The settings row that remembers the last applied mapping per format. */
export const IMPORT_MAPPING_SETTING = 'import.mapping';
export const SavedImportMappingSchema = z.object({
  jira: ImportMappingSchema.optional(),
  generic: ImportMappingSchema.optional(),
});
export type SavedImportMapping = z.infer<typeof SavedImportMappingSchema>;
