import { In, type EntityManager } from 'typeorm';
import type { MessageContent, NotificationKind } from '@keyline/shared';
import { UserEntity } from '../users/user.entity';
import type { PersonalPayload } from './email/email-transport';
import type { NewMessage, Outbox } from './outbox';
import { resolvePreferences, type ResolvedPreferences } from './preferences/preferences.service';

/** A message for one person. */
export interface PersonalNote {
  /** Unique per (cause, person): with the channel it makes the idempotency key, so a job run twice writes it once. */
  key: string;
  userId: string;
  kind: NotificationKind;
  content: MessageContent;
  /** Send even if the person switched this kind off, by e-mail if they have no channel for it (a test they asked for). */
  force?: boolean;
}

/** Finds the chat channel a person's chat messages go to (their team's, else the organisation's). */
export interface ChatRouting {
  channelFor(m: EntityManager, teamIds: readonly string[]): Promise<{ id: string; platform: 'slack' | 'teams' } | null>;
}

/**
 * Messages to people go out the way each person chose for that kind:
 * e-mail, the chat channel of a team they follow (or the organisation's),
 * or not at all. A person who chose chat when no channel reaches them gets
 * e-mail instead. Written into the outbox inside the caller's transaction.
 */
export class Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly emailEnabled: boolean,
    private readonly chat: ChatRouting | null = null,
  ) {}

  /** Returns how many messages were written (0 for a person who wants none). */
  async notify(m: EntityManager, notes: readonly PersonalNote[]): Promise<number> {
    return this.outbox.enqueue(m, await this.plan(m, notes));
  }

  /** Writes messages made by plan(). */
  enqueue(m: EntityManager, messages: readonly NewMessage[]): Promise<number> {
    return this.outbox.enqueue(m, messages);
  }

  /** The messages these notes become (nothing written): one per note whose person wants it and can be reached. */
  async plan(m: EntityManager, notes: readonly PersonalNote[]): Promise<NewMessage[]> {
    if (notes.length === 0) return [];
    const userIds = [...new Set(notes.map((n) => n.userId))];
    const active = new Set(
      (await m.find(UserEntity, { where: { id: In(userIds), disabled: false }, select: { id: true } })).map(
        (u) => u.id,
      ),
    );
    const prefs = new Map((await resolvePreferences(m, userIds)).map((p) => [p.userId, p]));
    const messages: NewMessage[] = [];
    for (const note of notes) {
      const pref = prefs.get(note.userId);
      if (!pref || !active.has(note.userId)) continue;
      const route = await this.route(m, note, pref);
      if (!route) continue;
      const payload: PersonalPayload = { content: note.content, ...(note.force ? { force: true } : {}) };
      messages.push({
        idempotencyKey: `${note.key}:${route.channel}:${note.userId}`,
        channel: route.channel,
        kind: note.kind,
        target: route.target,
        userId: note.userId,
        payload,
      });
    }
    return messages;
  }

  /** Whether e-mail can be sent at all (SMTP_URL set). */
  get canEmail(): boolean {
    return this.emailEnabled;
  }

  private async route(
    m: EntityManager,
    note: PersonalNote,
    pref: ResolvedPreferences,
  ): Promise<{ channel: 'email' | 'slack' | 'teams'; target: string } | null> {
    const choice = pref.kinds[note.kind];
    if (choice === 'none' && !note.force) return null;
    if (choice === 'chat' && this.chat) {
      const channel = await this.chat.channelFor(m, pref.teamIds);
      if (channel) return { channel: channel.platform, target: channel.id };
    }
    return this.emailEnabled ? { channel: 'email', target: note.userId } : null;
  }
}
