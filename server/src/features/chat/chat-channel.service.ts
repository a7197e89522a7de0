import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { ChatChannel, CreateChatChannelSchema, Delivery, UpdateChatChannelInput } from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { invalidField, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { toDelivery } from '../notifications/delivery.mapper';
import type { ChatRouting } from '../notifications/notifier';
import type { Outbox } from '../notifications/outbox';
import { OutboxMessageEntity } from '../notifications/outbox-message.entity';
import { TeamEntity } from '../teams/team.entity';
import { checkUrl, UnsafeUrlError } from '../webhooks/safe-http';
import { ChatChannelEntity } from './chat-channel.entity';

/** hooks.slack.com/…Xy9Q: enough to tell channels apart, not enough to post. */
export function urlHint(url: string): string {
  try {
    const u = new URL(url);
    const tail = (u.pathname + u.search).replace(/\/+$/, '').slice(-4);
    return `${u.host}/…${tail}`;
  } catch {
    return '…';
  }
}

const toDto = (c: ChatChannelEntity): ChatChannel => ({
  id: c.id,
  platform: c.platform,
  name: c.name,
  urlHint: urlHint(c.url),
  teamId: c.teamId,
  events: c.events,
  active: c.active,
  version: c.version,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
// The audit trail never holds the URL either: it is the channel's credential.
const auditable = (c: ChatChannelEntity) => toDto(c);

/**
 * Slack and Teams channels (admin): the organisation's, and optionally one
 * per team. People who choose chat get their messages in the channel of a
 * team they follow, else the organisation's; events go to every channel that
 * follows them.
 */
export class ChatChannelService implements ChatRouting {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly allowPrivate: boolean,
  ) {}

  list(): Promise<ChatChannel[]> {
    return this.db.read(async (m) => (await m.find(ChatChannelEntity, { order: { createdAt: 'ASC' } })).map(toDto));
  }

  async create(actor: Actor, input: z.output<typeof CreateChatChannelSchema>): Promise<ChatChannel> {
    await this.assertSafe(input.url);
    return this.db.write(async (m) => {
      await assertTeam(m, input.teamId);
      const now = nowIso();
      const row: ChatChannelEntity = { id: randomUUID(), ...input, version: 1, createdAt: now, updatedAt: now };
      await m.insert(ChatChannelEntity, row);
      await recordAudit(m, actor, 'chatChannel', row.id, 'create', null, auditable(row));
      return toDto(row);
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateChatChannelInput): Promise<ChatChannel> {
    if (input.url !== undefined) await this.assertSafe(input.url);
    return this.db.write(async (m) => {
      if (input.teamId !== undefined) await assertTeam(m, input.teamId);
      const { before, after } = await updateVersioned(
        m,
        ChatChannelEntity,
        'Chat channel',
        id,
        version,
        () => ({ ...input }),
        toDto,
      );
      await recordAudit(m, actor, 'chatChannel', id, 'update', auditable(before), auditable(after));
      return toDto(after);
    });
  }

  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const before = await deleteVersioned(m, ChatChannelEntity, 'Chat channel', id, version, toDto);
      await recordAudit(m, actor, 'chatChannel', id, 'delete', auditable(before), null);
    });
  }

  /** Posts a test message through the outbox (so it shows in the delivery log); answers with that delivery. */
  test(actor: Actor, id: string): Promise<Delivery> {
    return this.db.write(async (m) => {
      const channel = await m.findOneBy(ChatChannelEntity, { id });
      if (!channel) throw notFound('Chat channel');
      const key = `test:${randomUUID()}`;
      await this.outbox.enqueue(m, [
        {
          idempotencyKey: key,
          channel: channel.platform,
          kind: 'test',
          target: channel.id,
          userId: actor.id || null,
          payload: {
            content: {
              subject: 'Keyline can post here',
              intro: `${actor.name} sent this test from Settings → Notifications. Check-in reminders, digests and events for ${channel.teamId ? 'this team' : 'the organisation'} will arrive like this.`,
              sections: [],
              action: { label: 'Open Keyline', path: '/okrs' },
            },
          },
        },
      ]);
      const row = (await m.findOneBy(OutboxMessageEntity, { idempotencyKey: key })) as OutboxMessageEntity;
      return toDelivery(row, channel.name);
    });
  }

  /** The channel a person's chat messages go to: a team's they follow, else the organisation's. */
  async channelFor(
    m: EntityManager,
    teamIds: readonly string[],
  ): Promise<{ id: string; platform: 'slack' | 'teams' } | null> {
    const own = teamIds.length
      ? await m.find(ChatChannelEntity, {
          where: { teamId: In([...teamIds]), active: true },
          order: { createdAt: 'ASC' },
        })
      : [];
    const byTeam = teamIds.map((t) => own.find((c) => c.teamId === t)).find((c) => c !== undefined);
    const chosen =
      byTeam ??
      (await m.findOne(ChatChannelEntity, { where: { teamId: IsNull(), active: true }, order: { createdAt: 'ASC' } }));
    return chosen ? { id: chosen.id, platform: chosen.platform } : null;
  }

  /** Channel names for the delivery log. */
  async names(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await m.find(ChatChannelEntity, {
      where: { id: In(ids) },
      select: { id: true, name: true, platform: true },
    });
    return new Map(rows.map((r) => [r.id, `${r.name} (${r.platform === 'slack' ? 'Slack' : 'Teams'})`]));
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

async function assertTeam(m: EntityManager, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await m.existsBy(TeamEntity, { id: teamId }))) throw invalidField('teamId', 'No such team');
}
