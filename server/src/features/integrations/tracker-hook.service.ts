import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { ConnectionKind, GitHubIssue } from '@keyline/shared';
import type { Database } from '../../db/database';
import { AppError, notFound } from '../../http/app-error';
import { ConnectionEntity } from './connection.entity';
import { ConnectionSecretEntity } from './connection-secret.entity';
import type { SecretBox } from './secret-box';
import type { SyncEngine } from './sync-engine';
import { TrackerError } from './tracker-http';
import { GitHubTracker } from './trackers';

export interface TrackerHookDelivery {
  body: Buffer;
  /** GitHub: X-Hub-Signature-256; Jira: X-Hub-Signature. Both `sha256=<hex HMAC of the raw body>`. */
  signature: string | undefined;
  /** Jira only: the secret in the URL, for a Jira that cannot sign. */
  querySecret: string | undefined;
  /** GitHub: X-GitHub-Event. */
  event: string | undefined;
}

export type TrackerHookResult = {
  result: 'updated' | 'archived' | 'unchanged' | 'ignored' | 'deferred';
  detail?: string;
};

const GONE_ACTIONS = new Set(['deleted', 'transferred']);

/**
 * Webhook receivers: public, but a delivery counts only when it is signed
 * with the connection's webhook secret (or, for Jira, carries it in the
 * URL). Unverified → 401, nothing read or changed. A verified one updates its
 * one item; the next incremental run reconciles anything a delivery missed.
 */
export class TrackerHookService {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly engine: SyncEngine,
    private readonly logger: Logger,
  ) {}

  /**
   * Whether `/jira/<id>` or `/github/<id>` names a connection, asked before a
   * byte of the delivery is read: a stranger cannot make the server read
   * 1 MB bodies for connections that do not exist.
   */
  async knowsTarget(hookPath: string): Promise<boolean> {
    const match = /^\/(jira|github)\/([0-9a-f-]{36})$/i.exec(hookPath);
    if (!match) return false;
    const [, kind, id] = match as unknown as [string, ConnectionKind, string];
    return this.db.read(async (m) => (await m.countBy(ConnectionEntity, { id: id.toLowerCase(), kind })) === 1);
  }

  async receive(kind: ConnectionKind, connectionId: string, delivery: TrackerHookDelivery): Promise<TrackerHookResult> {
    const { connection, secret } = await this.db.read(async (m) => ({
      connection: await m.findOneBy(ConnectionEntity, { id: connectionId, kind }),
      secret: await m.findOneBy(ConnectionSecretEntity, { connectionId }),
    }));
    if (!connection) throw notFound('Connection');
    const webhookSecret = secret?.webhookSecret ? this.secrets.open(secret.webhookSecret, connectionId) : null;
    if (!webhookSecret || !verified(kind, webhookSecret, delivery)) {
      throw new AppError('UNAUTHENTICATED', 'This delivery is not signed with the connection’s webhook secret');
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(delivery.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new AppError(
        'MALFORMED_JSON',
        'The delivery is not JSON: set the webhook’s content type to application/json',
      );
    }
    if (connection.state !== 'active') return { result: 'ignored', detail: `the connection is ${connection.state}` };
    try {
      return kind === 'jira'
        ? await this.jira(connection, payload)
        : await this.github(connection, payload, delivery.event);
    } catch (error) {
      if (error instanceof TrackerError) {
        this.logger.warn({ connectionId, err: error.message }, 'webhook deferred to the next run');
        return { result: 'deferred', detail: 'the tracker could not be read now; the next run reconciles' };
      }
      throw error;
    }
  }

  private async jira(connection: ConnectionEntity, payload: Record<string, unknown>): Promise<TrackerHookResult> {
    const issue = payload.issue as { id?: unknown; key?: unknown } | undefined;
    const key = typeof issue?.key === 'string' ? issue.key : null;
    if (!key) return { result: 'ignored', detail: 'not an issue event' };
    if (payload.webhookEvent === 'jira:issue_deleted') {
      return { result: await this.engine.applyFromWebhook(connection, null, { key }) };
    }
    const tracker = await this.engine.trackerOf(connection);
    if (!tracker) return { result: 'ignored', detail: 'no token stored' };
    // The payload says which issue; its current state, and whether it still matches the JQL, come from Jira.
    const current = await tracker.fetchMatching(key, issue?.id === undefined ? null : String(issue.id));
    return current
      ? { result: await this.engine.applyFromWebhook(connection, current, null) }
      : { result: await this.engine.applyFromWebhook(connection, null, { key }) };
  }

  private async github(
    connection: ConnectionEntity,
    payload: Record<string, unknown>,
    event: string | undefined,
  ): Promise<TrackerHookResult> {
    if (event === 'ping') return { result: 'unchanged', detail: 'pong' };
    if (event !== 'issues' || connection.config.kind !== 'github')
      return { result: 'ignored', detail: `event ${event ?? 'unknown'}` };
    const repo = (payload.repository as { full_name?: unknown } | undefined)?.full_name;
    if (typeof repo !== 'string' || repo.toLowerCase() !== connection.config.repo.toLowerCase()) {
      return { result: 'ignored', detail: 'another repository' };
    }
    const raw = payload.issue as GitHubIssue | undefined;
    if (!raw || typeof raw.number !== 'number') return { result: 'ignored', detail: 'no issue' };
    const tracker = new GitHubTracker(connection, connection.config, '', this.engine.http('GitHub'));
    const issue = tracker.mapWebhookIssue(raw);
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (GONE_ACTIONS.has(action) || issue.pullRequest || !tracker.matches(issue)) {
      return { result: await this.engine.applyFromWebhook(connection, null, { key: issue.key }) };
    }
    return { result: await this.engine.applyFromWebhook(connection, issue, null) };
  }
}

function verified(kind: ConnectionKind, secret: string, delivery: TrackerHookDelivery): boolean {
  if (delivery.signature) {
    const expected = `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`;
    return safeEqual(delivery.signature.trim().toLowerCase(), expected);
  }
  return kind === 'jira' && delivery.querySecret !== undefined && safeEqual(delivery.querySecret, secret);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
