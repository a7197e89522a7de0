import { Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryChoices } from '@keyline/shared';
import { IntColumn, JsonColumn, TextColumn, TimestampColumn } from '../../../db/columns';

/** One person's notification choices; no row means the defaults (version 0). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  /** IANA name; null: the organisation's default. */
  @TextColumn(64, true) timeZone: string | null;
  @JsonColumn() kinds: Partial<DeliveryChoices>;
  @JsonColumn() teamIds: string[];
  @IntColumn() version: number;
  @TimestampColumn() updatedAt: string;
}
