import { randomUUID } from 'node:crypto';
import type { Comment, CommentSubject, CreateCommentInput, UpdateCommentInput } from '@keyline/shared';
import { findMentions } from '@keyline/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { UserEntity } from '../users/user.entity';
import { CommentEntity } from './comment.entity';
import { namesFor, toComment, toCommentDto } from './comment.mapper';
import type { CommentNotices } from './comment-notices';
import { resolveSubject, type ResolvedSubject } from './comment-subjects';

/** A thread is read whole; past this many the oldest are left out. */
const THREAD_LIMIT = 500;

/**
 * Comments on KRs, check-ins and backlog items. Anyone signed in may
 * comment (viewers included); only the author or an admin changes or
 * deletes one. Every write is in the audit trail, and creating one notifies
 * the people it concerns in the same transaction (CommentNotices).
 */
export class CommentService {
  constructor(
    private readonly db: Database,
    private readonly notices: CommentNotices,
  ) {}

  /**
   * Oldest first. A KR's thread includes the comments on its check-ins
   * (each says which check-in it answers), so the KR page reads one list.
   */
  list(subject: CommentSubject): Promise<Comment[]> {
    return this.db.read(async (m) => {
      await resolveSubject(m, subject);
      const where =
        subject.type === 'key_result'
          ? { keyResultId: subject.id }
          : { subjectType: subject.type, subjectId: subject.id };
      const newest = await m.find(CommentEntity, {
        where,
        order: { createdAt: 'DESC', id: 'DESC' },
        take: THREAD_LIMIT,
      });
      const rows = newest.reverse();
      const names = await namesFor(m, rows);
      return rows.map((row) => toComment(row, names));
    });
  }

  /** The newest comments anywhere, newest first: the latest discussion. */
  latest(limit = 100): Promise<Comment[]> {
    return this.db.read(async (m) => {
      const rows = await m.find(CommentEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
      const names = await namesFor(m, rows);
      return rows.map((row) => toComment(row, names));
    });
  }

  create(actor: Actor, subject: CommentSubject, input: CreateCommentInput): Promise<Comment> {
    return this.db.write(async (m) => {
      const resolved = await resolveSubject(m, subject);
      const mentions = await mentionsIn(m, input.body);
      const now = nowIso();
      const row: CommentEntity = {
        id: randomUUID(),
        subjectType: resolved.type,
        subjectId: resolved.id,
        keyResultId: resolved.keyResultId,
        body: input.body,
        authorId: actor.id || null,
        mentionIds: mentions.map((p) => p.id),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(CommentEntity, row);
      const dto = await toCommentDto(m, row);
      await recordAudit(m, actor, 'comment', row.id, 'create', null, auditView(dto, resolved), threadOf(row));
      await this.notices.created(m, row, resolved, { id: actor.id, name: actor.name }, mentions);
      return dto;
    });
  }

  update(actor: Actor, id: string, version: number, input: UpdateCommentInput): Promise<Comment> {
    return this.db.write(async (m) => {
      const current = await findComment(m, id);
      assertMayChange(actor, current);
      const resolved = await resolveSubject(m, { type: current.subjectType, id: current.subjectId });
      const mentions = await mentionsIn(m, input.body);
      const { before, after } = await updateVersioned(
        m,
        CommentEntity,
        'Comment',
        id,
        version,
        () => ({ body: input.body, mentionIds: mentions.map((p) => p.id) }),
        (row) => toCommentDto(m, row),
      );
      const dto = await toCommentDto(m, after);
      await recordAudit(
        m,
        actor,
        'comment',
        id,
        'update',
        auditView(await toCommentDto(m, before), resolved),
        auditView(dto, resolved),
        threadOf(after),
      );
      const newlyMentioned = mentions.filter((p) => !before.mentionIds.includes(p.id));
      const author = { id: after.authorId ?? '', name: dto.authorName };
      await this.notices.edited(m, after, resolved, author, newlyMentioned);
      return dto;
    });
  }

  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const current = await findComment(m, id);
      assertMayChange(actor, current);
      const before = await deleteVersioned(m, CommentEntity, 'Comment', id, version, (row) => toCommentDto(m, row));
      const subject = await resolveSubject(m, { type: before.subjectType, id: before.subjectId }).catch(() => null);
      const dto = await toCommentDto(m, before);
      await recordAudit(
        m,
        actor,
        'comment',
        id,
        'delete',
        subject ? auditView(dto, subject) : dto,
        null,
        threadOf(before),
      );
    });
  }
}

async function findComment(m: EntityManager, id: string): Promise<CommentEntity> {
  const row = await m.findOneBy(CommentEntity, { id });
  if (!row) throw notFound('Comment');
  return row;
}

function assertMayChange(actor: Actor, comment: CommentEntity): void {
  if (actor.role === 'admin' || (actor.id && actor.id === comment.authorId)) return;
  throw new AppError('FORBIDDEN', 'Only its author or an admin may change or delete a comment');
}

/** Active members named with `@` in the text (the member directory, as the picker offers it). */
async function mentionsIn(m: EntityManager, body: string): Promise<{ id: string; name: string }[]> {
  if (!body.includes('@')) return [];
  const members = await m.find(UserEntity, { where: { disabled: false }, select: { id: true, name: true } });
  return findMentions(body, members);
}

/** Where the comment's audit entries show: the KR's trail (its own comments and its check-ins'), or the item's. */
const threadOf = (row: CommentEntity) => row.keyResultId ?? row.subjectId;

/** The audit entry names what was commented on, so the trail reads "… commented on <KR>". */
function auditView(comment: Comment, subject: ResolvedSubject) {
  return { ...comment, subjectTitle: subject.title };
}
