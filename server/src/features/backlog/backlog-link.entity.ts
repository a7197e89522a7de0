import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, TimestampColumn } from '../../db/columns';

/** A backlog item contributes to a key result with a strength of 1–3. */
@Entity('backlog_links')
export class BacklogLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) itemId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) keyResultId: string;
  @IntColumn() strength: number;
  @TimestampColumn() createdAt: string;
}
