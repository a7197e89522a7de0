import { Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/**
 * The tie between a backlog item and the tracker issue it mirrors. The item
 * keeps the issue key as its externalKey (so the CSV import finds the same
 * item); this row says which connection owns it and what write-back did.
 */
@Entity('synced_items')
export class SyncedItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) itemId: string;
  @RefColumn() connectionId: string;
  @TextColumn(64) externalId: string;
  @TextColumn(500) url: string;
  /** The tracker's last change to the issue: an older webhook delivery never overwrites a newer state. */
  @TimestampColumn() externalUpdatedAt: string;
  /** The last run that saw the issue match: a full pass archives the items it did not see. */
  @RefColumn(true) lastSeenRunId: string | null;
  /** The labels as last read, Keyline's own included. */
  @JsonColumn() trackerLabels: string[];
  /** Labels Keyline added to the issue: the only ones it ever removes. */
  @JsonColumn() writtenLabels: string[];
}
