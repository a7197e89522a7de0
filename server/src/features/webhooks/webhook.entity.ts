import { Entity } from 'typeorm';
import type { WebhookEventType } from '@keyline/shared';
import { BoolColumn, IdColumn, IntColumn, JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** An outgoing webhook: events are POSTed to `url`, signed with `secret` (shown once, when created). */
@Entity('webhooks')
export class WebhookEntity {
  @IdColumn() id: string;
  @TextColumn(2000) url: string;
  @JsonColumn() events: WebhookEventType[];
  @BoolColumn() active: boolean;
  /** The signing secret. Kept as is: every delivery is signed with it. */
  @TextColumn(100) secret: string;
  @RefColumn(true) createdById: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
