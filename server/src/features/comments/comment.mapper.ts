import { In, type EntityManager } from 'typeorm';
import type { Comment } from '@keyline/shared';
import { UserEntity } from '../users/user.entity';
import type { CommentEntity } from './comment.entity';

/** Names of the authors and mentioned members of these comments, read in one query. */
export async function namesFor(m: EntityManager, rows: readonly CommentEntity[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [...(r.authorId ? [r.authorId] : []), ...r.mentionIds]))];
  if (ids.length === 0) return new Map();
  const users = await m.find(UserEntity, { where: { id: In(ids) }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export function toComment(row: CommentEntity, names: ReadonlyMap<string, string>): Comment {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    keyResultId: row.keyResultId,
    body: row.body,
    authorId: row.authorId,
    authorName: (row.authorId && names.get(row.authorId)) || 'Former member',
    mentions: row.mentionIds.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    edited: row.updatedAt !== row.createdAt,
  };
}

export async function toCommentDto(m: EntityManager, row: CommentEntity): Promise<Comment> {
  return toComment(row, await namesFor(m, [row]));
}
