import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { Links } from '../notifications/links';
import { UserEntity } from '../users/user.entity';
import { CommentEntity } from './comment.entity';

/** A comment that mentions someone, as a line of their weekly digest. */
export interface MentionLine {
  text: string;
  detail: string;
  path: string;
}

const EXCERPT = 120;

/**
 * Comments written since `sinceIso` that mention people, per mentioned
 * person (never the author), newest first: the digest's "mentions" section.
 * Three reads whatever the number of comments.
 */
export async function recentMentions(m: EntityManager, sinceIso: string): Promise<Map<string, MentionLine[]>> {
  const rows = (
    await m.find(CommentEntity, { where: { createdAt: MoreThanOrEqual(sinceIso) }, order: { createdAt: 'DESC' } })
  ).filter((c) => c.mentionIds.some((id) => id !== c.authorId));
  const byPerson = new Map<string, MentionLine[]>();
  if (rows.length === 0) return byPerson;
  const titles = await subjectTitles(m, rows);
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const authors = new Map(
    (await m.find(UserEntity, { where: { id: In(authorIds) }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  for (const row of rows) {
    const title = row.keyResultId ? titles.get(row.keyResultId) : titles.get(row.subjectId);
    if (title === undefined) continue; // its subject is gone
    const body = row.body.replace(/\s+/g, ' ');
    const line: MentionLine = {
      text: `${(row.authorId && authors.get(row.authorId)) || 'Someone'} on ${title}`,
      detail: body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body,
      path: `${row.keyResultId ? Links.keyResult(row.keyResultId) : Links.item(row.subjectId)}#comment-${row.id}`,
    };
    for (const id of new Set(row.mentionIds)) {
      if (id === row.authorId) continue;
      byPerson.set(id, [...(byPerson.get(id) ?? []), line]);
    }
  }
  return byPerson;
}

async function subjectTitles(m: EntityManager, rows: readonly CommentEntity[]): Promise<Map<string, string>> {
  const krIds = [...new Set(rows.flatMap((r) => (r.keyResultId ? [r.keyResultId] : [])))];
  const itemIds = [...new Set(rows.flatMap((r) => (r.subjectType === 'backlog_item' ? [r.subjectId] : [])))];
  const titles = new Map<string, string>();
  for (let i = 0; i < krIds.length; i += 500) {
    const krs = await m.find(KeyResultEntity, {
      where: { id: In(krIds.slice(i, i + 500)) },
      select: { id: true, title: true, deletedAt: true },
    });
    for (const kr of krs) if (!kr.deletedAt) titles.set(kr.id, kr.title);
  }
  for (let i = 0; i < itemIds.length; i += 500) {
    const items = await m.find(BacklogItemEntity, {
      where: { id: In(itemIds.slice(i, i + 500)) },
      select: { id: true, title: true },
    });
    for (const item of items) titles.set(item.id, item.title);
  }
  return titles;
}
