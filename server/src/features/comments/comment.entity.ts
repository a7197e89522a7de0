import { Entity } from 'typeorm';
import type { CommentSubjectType } from '@keyline/shared';
import {
  IdColumn,
  IntColumn,
  JsonColumn,
  LongTextColumn,
  RefColumn,
  TextColumn,
  TimestampColumn,
} from '../../db/columns';

/** A comment on a KR, a check-in or a backlog item; the subject is polymorphic, so no foreign key names it. */
@Entity('comments')
export class CommentEntity {
  @IdColumn() id: string;
  @TextColumn(20) subjectType: CommentSubjectType;
  @RefColumn() subjectId: string;
  /** The KR the comment belongs to (itself, or the check-in's KR), so a KR's page reads its thread in one query. */
  @RefColumn(true) keyResultId: string | null;
  @LongTextColumn() body: string;
  @RefColumn(true) authorId: string | null;
  /** Ids of the members named with `@`, resolved when the comment was written. */
  @JsonColumn() mentionIds: string[];
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
