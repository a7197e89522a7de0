import type { EntityManager } from 'typeorm';
import type { MessageContent } from '@keyline/shared';
import type { EventPublisher } from '../notifications/events/event-publisher';
import type { Links } from '../notifications/links';
import type { Notifier, PersonalNote } from '../notifications/notifier';
import type { CommentEntity } from './comment.entity';
import { commentPath, type ResolvedSubject } from './comment-subjects';

interface Person {
  id: string;
  name: string;
}

/**
 * What a comment sets off, inside the transaction that writes it: a message
 * to each member it mentions (kind `mention`), one to the owner of the KR it
 * is on (kind `comment`, unless they are mentioned or wrote it), and the
 * `comment.created` event for webhooks and chat channels. Each person's
 * message is keyed by the comment, so mentioning someone again in an edit
 * does not message them twice.
 */
export class CommentNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly publisher: EventPublisher,
    private readonly links: Links,
  ) {}

  async created(
    m: EntityManager,
    comment: CommentEntity,
    subject: ResolvedSubject,
    author: Person,
    mentions: readonly Person[],
  ): Promise<void> {
    await this.notify(m, comment, subject, author, mentions, true);
    await this.publisher.publish(m, 'comment.created', {
      comment: {
        id: comment.id,
        body: comment.body,
        authorId: comment.authorId,
        authorName: author.name,
        createdAt: comment.createdAt,
        url: this.links.absolute(commentPath(subject, comment.id)),
      },
      subject: {
        type: subject.type,
        id: subject.id,
        title: subject.title,
        url: this.links.absolute(subject.path),
      },
      mentions: mentions.map((p) => ({ id: p.id, name: p.name })),
    });
  }

  /** An edit messages only the members it newly mentions. */
  async edited(
    m: EntityManager,
    comment: CommentEntity,
    subject: ResolvedSubject,
    author: Person,
    newMentions: readonly Person[],
  ): Promise<void> {
    await this.notify(m, comment, subject, author, newMentions, false);
  }

  private async notify(
    m: EntityManager,
    comment: CommentEntity,
    subject: ResolvedSubject,
    author: Person,
    mentions: readonly Person[],
    toOwner: boolean,
  ): Promise<void> {
    const key = `comment:${comment.id}`;
    const notes: PersonalNote[] = mentions
      .filter((p) => p.id !== comment.authorId)
      .map((p) => ({ key, userId: p.id, kind: 'mention', content: this.mentionContent(comment, subject, author) }));
    const owner = subject.ownerId;
    if (toOwner && owner && owner !== comment.authorId && !mentions.some((p) => p.id === owner)) {
      notes.push({ key, userId: owner, kind: 'comment', content: this.ownerContent(comment, subject, author) });
    }
    await this.notifier.notify(m, notes);
  }

  private mentionContent(comment: CommentEntity, subject: ResolvedSubject, author: Person): MessageContent {
    return {
      subject: `${author.name} mentioned you on ${subject.title}`,
      intro: `${author.name} mentioned you in a comment on ${describe(subject)}.`,
      quote: comment.body,
      sections: [],
      action: { label: 'Reply in Keyline', path: commentPath(subject, comment.id) },
    };
  }

  private ownerContent(comment: CommentEntity, subject: ResolvedSubject, author: Person): MessageContent {
    return {
      subject: `${author.name} commented on ${subject.title}`,
      intro: `${author.name} commented on ${describe(subject)}, a key result you own.`,
      quote: comment.body,
      sections: [],
      action: { label: 'Reply in Keyline', path: commentPath(subject, comment.id) },
    };
  }
}

function describe(subject: ResolvedSubject): string {
  switch (subject.type) {
    case 'key_result':
      return `“${subject.title}”`;
    case 'check_in':
      return `a check-in on “${subject.keyResultTitle ?? subject.title}”`;
    case 'backlog_item':
      return `the backlog item “${subject.title}”`;
  }
}
