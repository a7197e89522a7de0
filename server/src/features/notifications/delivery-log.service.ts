import { In, type EntityManager } from 'typeorm';
import {
  DELIVERY_STATUSES,
  type DeliveriesQuery,
  type Delivery,
  type DeliveryPage,
  type DeliveryStatus,
  type NotificationOverview,
  DAY_MS,
} from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { AppError, notFound } from '../../http/app-error';
import type { Scheduler } from '../../jobs/scheduler';
import { recordAudit } from '../audit/audit.recorder';
import { UserEntity } from '../users/user.entity';
import { WebhookEntity } from '../webhooks/webhook.entity';
import { toDelivery } from './delivery.mapper';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Resolves chat channel ids to their names for the log (registered by the chat feature). */
export type ChannelNames = (m: EntityManager, ids: string[]) => Promise<Map<string, string>>;

/** Settings → Notifications for admins: can Keyline send, the delivery log, and retrying dead messages. */
export class DeliveryLogService {
  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly publicUrl: string,
    private readonly scheduler: Scheduler,
    private readonly giveUpMs: number,
    private readonly channelNames: ChannelNames = async () => new Map(),
    private readonly wake: () => void = () => undefined,
  ) {}

  async overview(): Promise<NotificationOverview> {
    const since = new Date(Date.now() - 7 * DAY_MS).toISOString();
    const rows = await this.db.read((m) =>
      m
        .createQueryBuilder(OutboxMessageEntity, 'o')
        .select('o.status', 'status')
        .addSelect('COUNT(*)', 'count')
        .where('o.createdAt >= :since', { since })
        .groupBy('o.status')
        .getRawMany<{ status: DeliveryStatus; count: string | number }>(),
    );
    const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.count);
    const smtp = this.config.SMTP_URL ? new URL(this.config.SMTP_URL) : null;
    const jobs = await this.scheduler.status();
    return {
      email: {
        enabled: smtp !== null,
        from: smtp ? (this.config.MAIL_FROM ?? null) : null,
        server: smtp ? `${smtp.hostname}:${smtp.port || (smtp.protocol === 'smtps:' ? 465 : 587)}` : null,
      },
      publicUrl: this.publicUrl,
      counts,
      jobs: jobs.map((j) => ({
        name: j.name,
        schedule: j.schedule,
        lastFinishedAt: j.lastFinishedAt,
        lastError: j.lastError,
        nextRun: j.nextRun,
      })),
    };
  }

  /** Newest first; `before` is the id of the last row of the previous page. */
  list(query: DeliveriesQuery): Promise<DeliveryPage> {
    return this.db.read(async (m) => {
      const qb = m
        .createQueryBuilder(OutboxMessageEntity, 'o')
        .orderBy('o.createdAt', 'DESC')
        .addOrderBy('o.id', 'DESC');
      if (query.status) qb.andWhere('o.status = :status', { status: query.status });
      if (query.channel) qb.andWhere('o.channel = :channel', { channel: query.channel });
      if (query.before) {
        const last = await m.findOne(OutboxMessageEntity, {
          where: { id: query.before },
          select: { id: true, createdAt: true },
        });
        if (!last) throw new AppError('VALIDATION_FAILED', 'before: no such delivery');
        qb.andWhere('(o.createdAt < :at OR (o.createdAt = :at AND o.id < :id))', { at: last.createdAt, id: last.id });
      }
      const rows = await qb.take(query.limit + 1).getMany();
      const page = rows.slice(0, query.limit);
      const items = await this.withRecipients(m, page);
      return { items, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
    });
  }

  /** A dead message is tried again from now, with a fresh 24-hour window; its attempts so far stay counted. */
  async retry(actor: Actor, id: string): Promise<Delivery> {
    const delivery = await this.db.write(async (m) => {
      const row = await m.findOneBy(OutboxMessageEntity, { id });
      if (!row) throw notFound('Delivery');
      if (row.status !== 'dead')
        throw new AppError('CONFLICT', `Only a dead message can be retried; this one is ${row.status}`);
      const now = Date.now();
      await m.update(
        OutboxMessageEntity,
        { id, status: 'dead' },
        {
          status: 'pending',
          nextAttemptAt: new Date(now).toISOString(),
          expiresAt: new Date(now + this.giveUpMs).toISOString(),
          updatedAt: new Date(now).toISOString(),
        },
      );
      await recordAudit(
        m,
        actor,
        'delivery',
        id,
        'update',
        { status: 'dead', attempts: row.attempts, lastError: row.lastError },
        { status: 'pending', attempts: row.attempts, lastError: row.lastError },
      );
      const [dto] = await this.withRecipients(m, [
        (await m.findOneBy(OutboxMessageEntity, { id })) as OutboxMessageEntity,
      ]);
      return dto as Delivery;
    });
    this.wake();
    return delivery;
  }

  private async withRecipients(m: EntityManager, rows: OutboxMessageEntity[]): Promise<Delivery[]> {
    const ids = (channel: string) => [...new Set(rows.filter((r) => r.channel === channel).map((r) => r.target))];
    const people = ids('email');
    const hooks = ids('webhook');
    const emails = new Map(
      people.length
        ? (await m.find(UserEntity, { where: { id: In(people) }, select: { id: true, email: true } })).map((u) => [
            u.id,
            u.email,
          ])
        : [],
    );
    const urls = new Map(
      hooks.length
        ? (await m.find(WebhookEntity, { where: { id: In(hooks) }, select: { id: true, url: true } })).map((w) => [
            w.id,
            w.url,
          ])
        : [],
    );
    const chats = await this.channelNames(m, [...ids('slack'), ...ids('teams')]);
    return rows.map((row) =>
      toDelivery(
        row,
        (row.channel === 'email'
          ? emails.get(row.target)
          : row.channel === 'webhook'
            ? urls.get(row.target)
            : chats.get(row.target)) ?? 'deleted',
      ),
    );
  }
}
