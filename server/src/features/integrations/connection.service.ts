import { randomBytes, randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import type {
  Connection,
  ConnectionTest,
  CreateConnection,
  RunMode,
  SyncRun,
  UpdateConnectionInput,
} from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, invalidField, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { ConnectionEntity, type ConnectionConfig } from './connection.entity';
import { ConnectionSecretEntity } from './connection-secret.entity';
import { toConnectionDto, toSyncRunDto } from './connection.mapper';
import type { SecretBox } from './secret-box';
import type { SyncEngine } from './sync-engine';
import { SyncRunEntity } from './sync-run.entity';
import { SyncedItemEntity } from './synced-item.entity';
import { TrackerError } from './tracker-http';

/** Fields that change which issues a connection matches: a change makes the next run a full pass. */
const QUERY_FIELDS = ['baseUrl', 'jql', 'includeSubtasks', 'repo', 'labelsFilter'] as const;
const JIRA_ONLY = ['email', 'apiToken', 'jql', 'fieldMap', 'includeSubtasks'] as const;
const GITHUB_ONLY = ['repo', 'token', 'labelsFilter', 'pointsLabelPrefix'] as const;

/**
 * Connections: add, change, pause, delete, test, and their runs. Tokens are
 * sealed before they touch the database and never leave it; the audit trail
 * records the settings, not the secrets.
 */
export class ConnectionService {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly engine: SyncEngine,
  ) {}

  list(): Promise<Connection[]> {
    return this.db.read(async (m) => {
      const rows = await m.find(ConnectionEntity, { order: { createdAt: 'ASC' } });
      return Promise.all(rows.map((c) => this.dto(m, c)));
    });
  }

  get(id: string): Promise<Connection> {
    return this.db.read(async (m) => this.dto(m, await find(m, id)));
  }

  async create(actor: Actor, input: CreateConnection): Promise<Connection> {
    this.secrets.requireKey();
    return this.db.write(async (m) => {
      const now = nowIso();
      const id = randomUUID();
      const config: ConnectionConfig =
        input.kind === 'jira'
          ? {
              kind: 'jira',
              email: input.email,
              jql: input.jql,
              fieldMap: input.fieldMap,
              includeSubtasks: input.includeSubtasks,
            }
          : {
              kind: 'github',
              repo: input.repo,
              labelsFilter: input.labelsFilter,
              pointsLabelPrefix: input.pointsLabelPrefix,
            };
      const row: ConnectionEntity = {
        id,
        kind: input.kind,
        name: input.name,
        baseUrl: input.baseUrl,
        config,
        writeBack: input.writeBack,
        syncIntervalMinutes: input.syncIntervalMinutes,
        state: 'active',
        stateMessage: null,
        syncedUntil: null,
        lastFullSyncAt: null,
        lastRunAt: null,
        timeZone: null,
        leaseOwner: null,
        leaseUntil: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(ConnectionEntity, row);
      const webhookSecret = newWebhookSecret();
      const token = input.kind === 'jira' ? input.apiToken : input.token;
      await m.insert(ConnectionSecretEntity, {
        connectionId: id,
        token: this.secrets.seal(token, id),
        webhookSecret: this.secrets.seal(webhookSecret, id),
        updatedAt: now,
      });
      const dto = await this.dto(m, row, webhookSecret);
      await recordAudit(m, actor, 'connection', id, 'create', null, auditView(row));
      return dto;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateConnectionInput): Promise<Connection> {
    const newToken = input.apiToken ?? input.token;
    if (newToken !== undefined || input.regenerateWebhookSecret) this.secrets.requireKey();
    return this.db.write(async (m) => {
      let webhookSecret: string | undefined;
      const { before, after } = await updateVersioned(
        m,
        ConnectionEntity,
        'Connection',
        id,
        version,
        async (current) => {
          assertFieldsFit(current.kind, input);
          const config = { ...current.config } as Record<string, unknown>;
          for (const field of [...JIRA_ONLY, ...GITHUB_ONLY]) {
            if (field === 'apiToken' || field === 'token') continue;
            if (input[field] !== undefined) config[field] = input[field];
          }
          const changes: Partial<ConnectionEntity> = { config: config as ConnectionConfig };
          if (input.name !== undefined) changes.name = input.name;
          if (input.baseUrl !== undefined) changes.baseUrl = input.baseUrl;
          if (input.writeBack !== undefined) changes.writeBack = input.writeBack;
          if (input.syncIntervalMinutes !== undefined) changes.syncIntervalMinutes = input.syncIntervalMinutes;
          if (
            QUERY_FIELDS.some(
              (f) =>
                input[f] !== undefined &&
                JSON.stringify(input[f]) !==
                  JSON.stringify(f === 'baseUrl' ? current.baseUrl : (current.config as Record<string, unknown>)[f]),
            )
          ) {
            changes.syncedUntil = null; // the next run is a full pass over the new query
            if (input.baseUrl !== undefined) changes.timeZone = null;
          }
          if (input.paused === true) {
            changes.state = 'paused';
            changes.stateMessage = `Paused by ${actor.name}`;
          } else if (input.paused === false || (newToken !== undefined && current.state === 'auth-failed')) {
            changes.state = 'active';
            changes.stateMessage = null;
          }
          return changes;
        },
        (row) => this.dto(m, row),
      );
      const now = nowIso();
      if (newToken !== undefined || input.regenerateWebhookSecret) {
        const secret = await m.findOneBy(ConnectionSecretEntity, { connectionId: id });
        if (input.regenerateWebhookSecret) webhookSecret = newWebhookSecret();
        const sealedHook = webhookSecret ? this.secrets.seal(webhookSecret, id) : (secret?.webhookSecret ?? null);
        if (secret) {
          await m.update(
            ConnectionSecretEntity,
            { connectionId: id },
            {
              ...(newToken !== undefined && { token: this.secrets.seal(newToken, id) }),
              webhookSecret: sealedHook,
              updatedAt: now,
            },
          );
        } else if (newToken !== undefined) {
          await m.insert(ConnectionSecretEntity, {
            connectionId: id,
            token: this.secrets.seal(newToken, id),
            webhookSecret: sealedHook,
            updatedAt: now,
          });
        } else {
          throw new AppError(
            'CONFLICT',
            'This connection has no token yet: paste the token with the new webhook secret',
          );
        }
      }
      await recordAudit(m, actor, 'connection', id, 'update', auditView(before), {
        ...auditView(after),
        ...(newToken !== undefined && { token: 'replaced' }),
        ...(webhookSecret && { webhookSecret: 'regenerated' }),
      });
      return this.dto(m, after, webhookSecret);
    });
  }

  /** The items stay, as Keyline's own (their issue keys kept); runs and secrets go with the connection. */
  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const before = await deleteVersioned(m, ConnectionEntity, 'Connection', id, version, (row) => this.dto(m, row));
      await recordAudit(m, actor, 'connection', id, 'delete', auditView(before), null);
    });
  }

  /** Reads only: who the token is, how many issues the query matches, which mapped fields exist. */
  async test(id: string): Promise<ConnectionTest> {
    const connection = await this.db.read((m) => find(m, id));
    const tracker = await this.engine.trackerOf(connection);
    if (!tracker) {
      return {
        ok: false,
        account: null,
        matchingIssues: null,
        fields: [],
        suggestions: [],
        message: 'No token is stored: paste the token first',
      };
    }
    try {
      return await tracker.test();
    } catch (error) {
      if (error instanceof TrackerError) {
        return { ok: false, account: null, matchingIssues: null, fields: [], suggestions: [], message: error.message };
      }
      throw error;
    }
  }

  async sync(id: string, mode: RunMode | undefined): Promise<SyncRun> {
    const connection = await this.db.read((m) => find(m, id));
    const dto = await this.get(id);
    if (dto.state === 'paused') throw new AppError('CONFLICT', `${connection.name} is paused: resume it first`);
    if (dto.state === 'needs-token') throw new AppError('CONFLICT', dto.stateMessage ?? 'Paste the token first');
    if (dto.state === 'auth-failed') {
      throw new AppError('CONFLICT', `${dto.stateMessage ?? 'The tracker refused the token.'}`);
    }
    const { run } = await this.engine.start(id, 'manual', mode);
    if (!run) throw new AppError('CONFLICT', 'A run of this connection is starting; try again in a moment');
    return toSyncRunDto(run);
  }

  runs(id: string, limit: number): Promise<SyncRun[]> {
    return this.db.read(async (m) => {
      await find(m, id);
      const rows = await m.find(SyncRunEntity, {
        where: { connectionId: id },
        order: { startedAt: 'DESC' },
        take: limit,
      });
      return rows.map(toSyncRunDto);
    });
  }

  private async dto(m: EntityManager, c: ConnectionEntity, webhookSecret?: string): Promise<Connection> {
    const secret = await m.findOneBy(ConnectionSecretEntity, { connectionId: c.id });
    const lastRun = await m.findOne(SyncRunEntity, { where: { connectionId: c.id }, order: { startedAt: 'DESC' } });
    const itemCount = await m
      .createQueryBuilder(SyncedItemEntity, 's')
      .innerJoin('backlog_items', 'i', 'i.id = s.itemId')
      .where('s.connectionId = :id AND i.archivedAt IS NULL', { id: c.id })
      .getCount();
    return toConnectionDto(c, {
      hasToken: secret !== null && this.secrets.open(secret.token, c.id) !== null,
      hasWebhookSecret: Boolean(secret?.webhookSecret),
      lastRun,
      itemCount,
      webhookSecret,
    });
  }
}

async function find(m: EntityManager, id: string): Promise<ConnectionEntity> {
  const row = await m.findOneBy(ConnectionEntity, { id });
  if (!row) throw notFound('Connection');
  return row;
}

function assertFieldsFit(kind: ConnectionEntity['kind'], input: UpdateConnectionInput): void {
  const foreign = kind === 'jira' ? GITHUB_ONLY : JIRA_ONLY;
  const wrong = foreign.find((f) => input[f] !== undefined);
  if (wrong) throw invalidField(wrong, `A ${kind === 'jira' ? 'Jira' : 'GitHub'} connection has no ${wrong}`);
}

/** 32 random bytes: what the admin pastes into Jira's or GitHub's webhook form. */
function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the audit trail keeps of a connection: its settings, never a secret. */
function auditView(c: ConnectionEntity): Record<string, unknown> {
  return {
    name: c.name,
    baseUrl: c.baseUrl,
    ...c.config,
    writeBack: c.writeBack,
    syncIntervalMinutes: c.syncIntervalMinutes,
    state: c.state,
  };
}
