import type { Connection, ConnectionState, SyncRun } from '@keyline/shared';
import type { ConnectionEntity } from './connection.entity';
import type { SyncRunEntity } from './sync-run.entity';

export interface ConnectionExtras {
  hasToken: boolean;
  hasWebhookSecret: boolean;
  lastRun: SyncRunEntity | null;
  itemCount: number;
  webhookSecret?: string;
}

export function toSyncRunDto(run: SyncRunEntity): SyncRun {
  return {
    id: run.id,
    connectionId: run.connectionId,
    mode: run.mode,
    trigger: run.trigger,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    fetched: run.fetched,
    created: run.created,
    updated: run.updated,
    archived: run.archived,
    restored: run.restored,
    labelsWritten: run.labelsWritten,
    errors: run.errors ?? [],
    errorCount: run.errorCount,
    message: run.message,
  };
}

/** Never carries the token: only whether one is stored. */
export function toConnectionDto(c: ConnectionEntity, extras: ConnectionExtras): Connection {
  const { state, stateMessage } = stateOf(c, extras.hasToken);
  const common = {
    id: c.id,
    name: c.name,
    baseUrl: c.baseUrl,
    writeBack: c.writeBack,
    syncIntervalMinutes: c.syncIntervalMinutes,
    state,
    stateMessage,
    hasToken: extras.hasToken,
    hasWebhookSecret: extras.hasWebhookSecret,
    webhookPath: `/api/hooks/${c.kind}/${c.id}`,
    lastRun: extras.lastRun ? toSyncRunDto(extras.lastRun) : null,
    syncedUntil: c.syncedUntil,
    lastFullSyncAt: c.lastFullSyncAt,
    itemCount: extras.itemCount,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(extras.webhookSecret !== undefined && { webhookSecret: extras.webhookSecret }),
  };
  if (c.config.kind === 'jira') {
    return {
      kind: 'jira',
      ...common,
      email: c.config.email,
      jql: c.config.jql,
      fieldMap: c.config.fieldMap,
      includeSubtasks: c.config.includeSubtasks,
    };
  }
  return {
    kind: 'github',
    ...common,
    repo: c.config.repo,
    labelsFilter: c.config.labelsFilter,
    pointsLabelPrefix: c.config.pointsLabelPrefix,
  };
}

function stateOf(c: ConnectionEntity, hasToken: boolean): { state: ConnectionState; stateMessage: string | null } {
  if (c.state === 'paused') return { state: 'paused', stateMessage: c.stateMessage };
  if (!hasToken) {
    return {
      state: 'needs-token',
      stateMessage:
        'No token is stored for this connection (a restored backup carries none): paste the token again to resume syncing.',
    };
  }
  return { state: c.state, stateMessage: c.state === 'active' ? null : c.stateMessage };
}
