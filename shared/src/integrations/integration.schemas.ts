import { z } from 'zod';
import { IdSchema, NameSchema, VersionSchema } from '../common/primitives';

/*
 * Connections to the trackers a backlog lives in (Jira Cloud, GitHub Issues),
 * their runs and what a test reaches. Tokens go in, never out: no response
 * schema here has a field for them.
 */

export const CONNECTION_KINDS = ['jira', 'github'] as const;
export const ConnectionKindSchema = z.enum(CONNECTION_KINDS);
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;

/** Any http(s) address: a self-hosted tracker lives on the company network, and only admins set this. */
const BaseUrlSchema = z
  .url({ message: 'Must be an address like https://your-site.atlassian.net', protocol: /^https?$/ })
  .max(500, 'At most 500 characters')
  .transform((u) => u.replace(/\/+$/, ''));

const SecretInputSchema = z.string().trim().min(1, 'Required').max(2000, 'At most 2,000 characters');
/** A Jira field id: `components` or `customfield_10016`. */
const JiraFieldIdSchema = z
  .string()
  .trim()
  .regex(/^(components|customfield_\d{1,10})$/, 'Must be "components" or a field id like customfield_10016');
const JqlSchema = z.string().trim().min(1, 'Required').max(2000, 'At most 2,000 characters');
const RepoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, 'Must be owner/name, e.g. acme/web');
const TrackerLabelSchema = z.string().trim().min(1).max(100);
/** How often the incremental run goes, per connection. */
const IntervalSchema = z.number().int().min(1, 'At least 1 minute').max(1440, 'At most once a day');

export const JiraFieldMapSchema = z.strictObject({
  /** Story points: Jira Cloud's "Story point estimate" is usually customfield_10016. */
  storyPoints: z
    .string()
    .trim()
    .regex(/^customfield_\d{1,10}$/, 'Must be a field id like customfield_10016')
    .optional(),
  /** Where the team comes from: the Components field or a custom field holding the team's name. */
  team: JiraFieldIdSchema.optional(),
});
export type JiraFieldMap = z.infer<typeof JiraFieldMapSchema>;

export const CreateJiraConnectionSchema = z.strictObject({
  kind: z.literal('jira'),
  name: NameSchema,
  baseUrl: BaseUrlSchema,
  email: z.email({ message: 'Must be the e-mail of the Atlassian account the token belongs to' }).max(200),
  apiToken: SecretInputSchema,
  jql: JqlSchema,
  fieldMap: JiraFieldMapSchema.default({}),
  /** Sub-tasks are not backlog items by default: their parent story is, and its points include them. */
  includeSubtasks: z.boolean().default(false),
  writeBack: z.boolean().default(false),
  syncIntervalMinutes: IntervalSchema.default(10),
});

export const CreateGitHubConnectionSchema = z.strictObject({
  kind: z.literal('github'),
  name: NameSchema,
  /** GitHub Enterprise Server: https://github.example.com/api/v3 */
  baseUrl: BaseUrlSchema.default('https://api.github.com'),
  repo: RepoSchema,
  token: SecretInputSchema,
  /** Only issues carrying every one of these labels. */
  labelsFilter: z.array(TrackerLabelSchema).max(10, 'At most 10 labels').default([]),
  /** `points:5` → effort 5. Null: effort stays Keyline's. */
  pointsLabelPrefix: z.string().trim().min(1).max(30).nullable().default('points:'),
  writeBack: z.boolean().default(false),
  syncIntervalMinutes: IntervalSchema.default(10),
});

export const CreateConnectionSchema = z.discriminatedUnion('kind', [
  CreateJiraConnectionSchema,
  CreateGitHubConnectionSchema,
]);
export type CreateConnectionInput = z.input<typeof CreateConnectionSchema>;
export type CreateConnection = z.output<typeof CreateConnectionSchema>;

/**
 * A change to a connection. The kind never changes; a field left out stays.
 * `paused` pauses or resumes (resuming also clears a refused-token pause);
 * `regenerateWebhookSecret` makes a new secret, shown once in the answer.
 */
export const UpdateConnectionSchema = z.strictObject({
  name: NameSchema.optional(),
  baseUrl: BaseUrlSchema.optional(),
  email: z.email().max(200).optional(),
  apiToken: SecretInputSchema.optional(),
  jql: JqlSchema.optional(),
  fieldMap: JiraFieldMapSchema.optional(),
  includeSubtasks: z.boolean().optional(),
  repo: RepoSchema.optional(),
  token: SecretInputSchema.optional(),
  labelsFilter: z.array(TrackerLabelSchema).max(10).optional(),
  pointsLabelPrefix: z.string().trim().min(1).max(30).nullable().optional(),
  writeBack: z.boolean().optional(),
  syncIntervalMinutes: IntervalSchema.optional(),
  paused: z.boolean().optional(),
  regenerateWebhookSecret: z.literal(true).optional(),
});
export type UpdateConnectionInput = z.infer<typeof UpdateConnectionSchema>;

/**
 * active: syncing on its schedule · paused: an admin paused it ·
 * auth-failed: the tracker refused the token (401/403), paused until an admin acts ·
 * needs-token: no token stored (e.g. after a restore: backups carry no secrets).
 */
export const CONNECTION_STATES = ['active', 'paused', 'auth-failed', 'needs-token'] as const;
export const ConnectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const RUN_STATES = ['running', 'succeeded', 'failed'] as const;
export const RunStateSchema = z.enum(RUN_STATES);
export type RunState = z.infer<typeof RunStateSchema>;

/** incremental: what changed since the last good run · full: everything, archiving what no longer matches. */
export const RunModeSchema = z.enum(['incremental', 'full']);
export type RunMode = z.infer<typeof RunModeSchema>;
export const RunTriggerSchema = z.enum(['manual', 'schedule', 'nightly']);
export type RunTrigger = z.infer<typeof RunTriggerSchema>;

export const RunErrorSchema = z.object({ key: z.string().nullable(), reason: z.string() });
export type RunError = z.infer<typeof RunErrorSchema>;

export const SyncRunSchema = z.object({
  id: IdSchema,
  connectionId: IdSchema,
  mode: RunModeSchema,
  trigger: RunTriggerSchema,
  state: RunStateSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  fetched: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  archived: z.number().int(),
  restored: z.number().int(),
  /** Labels added or removed in the tracker (write-back). */
  labelsWritten: z.number().int(),
  /** Per issue, at most RUN_ERRORS_KEPT of them; errorCount has them all. */
  errors: z.array(RunErrorSchema),
  errorCount: z.number().int(),
  /** Why a run failed, in words an admin can act on. */
  message: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;
export const RUN_ERRORS_KEPT = 200;

const ConnectionCommonShape = {
  id: IdSchema,
  name: z.string(),
  baseUrl: z.string(),
  writeBack: z.boolean(),
  syncIntervalMinutes: z.number().int(),
  state: ConnectionStateSchema,
  /** Why it is paused, failing or waiting, in words an admin can act on. */
  stateMessage: z.string().nullable(),
  hasToken: z.boolean(),
  hasWebhookSecret: z.boolean(),
  /** Path of the webhook receiver, to add to the tracker (prefix it with Keyline's address). */
  webhookPath: z.string(),
  lastRun: SyncRunSchema.nullable(),
  /** The high-water mark: the next incremental run fetches what changed after it (less a safety overlap). */
  syncedUntil: z.string().nullable(),
  lastFullSyncAt: z.string().nullable(),
  itemCount: z.number().int(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only in the answer that made it (create, or regenerateWebhookSecret): Keyline never shows it again. */
  webhookSecret: z.string().optional(),
};

export const JiraConnectionSchema = z.object({
  kind: z.literal('jira'),
  ...ConnectionCommonShape,
  email: z.string(),
  jql: z.string(),
  fieldMap: JiraFieldMapSchema,
  includeSubtasks: z.boolean(),
});
export const GitHubConnectionSchema = z.object({
  kind: z.literal('github'),
  ...ConnectionCommonShape,
  repo: z.string(),
  labelsFilter: z.array(z.string()),
  pointsLabelPrefix: z.string().nullable(),
});
export const ConnectionSchema = z.discriminatedUnion('kind', [JiraConnectionSchema, GitHubConnectionSchema]);
export type Connection = z.infer<typeof ConnectionSchema>;

export const ConnectionTestFieldSchema = z.object({
  /** What Keyline reads it for: storyPoints, team, points. */
  role: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  found: z.boolean(),
});

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** The account the token belongs to, as the tracker names it. */
  account: z.string().nullable(),
  /** How many issues the query matches now (Jira's count is approximate). */
  matchingIssues: z.number().int().nullable(),
  /** The mapped fields, and whether the tracker has them. */
  fields: z.array(ConnectionTestFieldSchema),
  /** Fields the tracker has that look like story points, to pick from. */
  suggestions: z.array(z.object({ id: z.string(), name: z.string() })),
  message: z.string().nullable(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const ConnectionIdParamsSchema = z.strictObject({ id: IdSchema });
export const HookParamsSchema = z.strictObject({ connectionId: IdSchema });
/** Jira's "secret in the URL", for a Jira that cannot sign its webhooks. */
export const HookQuerySchema = z.strictObject({ secret: z.string().max(200).optional() });

/** Where a synced item comes from, shown as "from Jira ABC-123" with a link. */
export const ItemSourceSchema = z.object({
  connectionId: IdSchema,
  kind: ConnectionKindSchema,
  key: z.string(),
  url: z.string(),
  /** The item's fields the tracker owns: read-only in Keyline. */
  ownedFields: z.array(z.string()),
});
export type ItemSource = z.infer<typeof ItemSourceSchema>;

export const CONNECTION_KIND_LABEL: Record<ConnectionKind, string> = { jira: 'Jira', github: 'GitHub' };
