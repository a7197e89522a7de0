import { Entity } from 'typeorm';
import type { AuditAction, AuditEntity } from '@keyline/shared';
import { IdColumn, JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** Written in the same transaction as the change it records. */
@Entity('audit_events')
export class AuditEventEntity {
  @IdColumn() id: string;
  @TimestampColumn() at: string;
  @RefColumn(true) actorId: string | null;
  /** Copied so the trail stays readable if the user is renamed or removed. */
  @TextColumn(100) actorName: string;
  @TextColumn(30) entity: AuditEntity;
  @TextColumn(80) entityId: string;
  @TextColumn(10) action: AuditAction;
  @JsonColumn(true) before: unknown;
  @JsonColumn(true) after: unknown;
  /** The row whose trail also lists this entry (a comment's KR or item); null for most entries. */
  @RefColumn(true) parentId?: string | null;
}
