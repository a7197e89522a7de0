import type { EntityManager } from 'typeorm';
import type { CommentSubject } from '@keyline/shared';
import { notFound } from '../../http/app-error';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { CheckInEntity } from '../key-results/check-in.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { Links } from '../notifications/links';

/** What a comment is attached to, as notifications, events and the KR page need it. */
export interface ResolvedSubject extends CommentSubject {
  title: string;
  /** The KR's title for a check-in (its own title says "Check-in on …"). */
  keyResultTitle: string | null;
  /** The KR: the subject itself or the check-in's; null for a backlog item. */
  keyResultId: string | null;
  /** Who owns that KR: a comment there notifies them. */
  ownerId: string | null;
  /** The screen that shows the thread. */
  path: string;
}

const NAMES = { key_result: 'Key result', check_in: 'Check-in', backlog_item: 'Backlog item' } as const;

async function liveKeyResult(m: EntityManager, id: string): Promise<KeyResultEntity | null> {
  const kr = await m.findOneBy(KeyResultEntity, { id });
  return kr && !kr.deletedAt ? kr : null;
}

/** The subject with its title and owner; 404 when it does not exist (or its KR was deleted). */
export async function resolveSubject(m: EntityManager, subject: CommentSubject): Promise<ResolvedSubject> {
  switch (subject.type) {
    case 'key_result': {
      const kr = await liveKeyResult(m, subject.id);
      if (!kr) break;
      return {
        ...subject,
        title: kr.title,
        keyResultTitle: kr.title,
        keyResultId: kr.id,
        ownerId: kr.ownerId,
        path: Links.keyResult(kr.id),
      };
    }
    case 'check_in': {
      const checkIn = await m.findOneBy(CheckInEntity, { id: subject.id });
      const kr = checkIn && (await liveKeyResult(m, checkIn.keyResultId));
      if (!checkIn || !kr) break;
      return {
        ...subject,
        title: `Check-in on ${kr.title}`,
        keyResultTitle: kr.title,
        keyResultId: kr.id,
        ownerId: kr.ownerId,
        path: Links.keyResult(kr.id),
      };
    }
    case 'backlog_item': {
      const item = await m.findOneBy(BacklogItemEntity, { id: subject.id });
      if (!item) break;
      return {
        ...subject,
        title: item.title,
        keyResultTitle: null,
        keyResultId: null,
        ownerId: null,
        path: Links.item(item.id),
      };
    }
  }
  throw notFound(NAMES[subject.type]);
}

/** The link to one comment: its subject's screen, scrolled to it. */
export const commentPath = (subject: Pick<ResolvedSubject, 'path'>, commentId: string) =>
  `${subject.path}#comment-${commentId}`;
