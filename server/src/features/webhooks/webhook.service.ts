import { randomBytes, randomUUID } from 'node:crypto';
import type { CreatedWebhook, CreateWebhookSchema, Delivery, UpdateWebhookInput, Webhook } from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { invalidField, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { toDelivery } from '../notifications/delivery.mapper';
import { OutboxMessageEntity } from '../notifications/outbox-message.entity';
import { checkUrl, UnsafeUrlError } from './safe-http';
import { WebhookEntity } from './webhook.entity';

const toDto = (w: WebhookEntity): Webhook => ({
  id: w.id,
  url: w.url,
  events: w.events,
  active: w.active,
  version: w.version,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

/** Outgoing webhooks (admin): the secret is generated here and shown once. */
export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly allowPrivate: boolean,
  ) {}

  list(): Promise<Webhook[]> {
    return this.db.read(async (m) => (await m.find(WebhookEntity, { order: { createdAt: 'ASC' } })).map(toDto));
  }

  get(id: string): Promise<Webhook> {
    return this.db.read(async (m) => toDto(await findWebhook(m, id)));
  }

  async create(actor: Actor, input: z.output<typeof CreateWebhookSchema>): Promise<CreatedWebhook> {
    await this.assertSafe(input.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.db.write(async (m) => {
      const now = nowIso();
      const row: WebhookEntity = {
        id: randomUUID(),
        url: input.url,
        events: input.events,
        active: input.active,
        secret,
        createdById: actor.id || null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(WebhookEntity, row);
      await recordAudit(m, actor, 'webhook', row.id, 'create', null, toDto(row));
      return { ...toDto(row), secret };
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateWebhookInput): Promise<Webhook> {
    if (input.url !== undefined) await this.assertSafe(input.url);
    return this.db.write(async (m) => {
      const { before, after } = await updateVersioned(
        m,
        WebhookEntity,
        'Webhook',
        id,
        version,
        () => ({ ...input }),
        toDto,
      );
      await recordAudit(m, actor, 'webhook', id, 'update', toDto(before), toDto(after));
      return toDto(after);
    });
  }

  /** Messages still waiting for it fail as "deleted" when their turn comes; its delivery log stays readable by id no more. */
  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const before = await deleteVersioned(m, WebhookEntity, 'Webhook', id, version, toDto);
      await recordAudit(m, actor, 'webhook', id, 'delete', toDto(before), null);
    });
  }

  /** The latest deliveries, newest first. */
  deliveries(id: string, limit: number): Promise<Delivery[]> {
    return this.db.read(async (m) => {
      const webhook = await findWebhook(m, id);
      const rows = await m.find(OutboxMessageEntity, {
        where: { channel: 'webhook', target: id },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: limit,
      });
      return rows.map((row) => toDelivery(row, webhook.url));
    });
  }

  private async assertSafe(url: string): Promise<void> {
    try {
      await checkUrl(url, this.allowPrivate);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw invalidField('url', error.message);
      throw error;
    }
  }
}

async function findWebhook(m: EntityManager, id: string): Promise<WebhookEntity> {
  const row = await m.findOneBy(WebhookEntity, { id });
  if (!row) throw notFound('Webhook');
  return row;
}
