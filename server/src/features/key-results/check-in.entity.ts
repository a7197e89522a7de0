import { Entity } from 'typeorm';
import { IdColumn, IntColumn, NumberColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** Append-only: a check-in is never edited, so it carries no version. */
@Entity('check_ins')
export class CheckInEntity {
  @IdColumn() id: string;
  @RefColumn() keyResultId: string;
  @NumberColumn() value: number;
  @IntColumn() confidence: number;
  @TextColumn(2000) note: string;
  @RefColumn(true) authorId: string | null;
  /** The moment the value is for; may be earlier than createdAt (recorded late), never later. */
  @TimestampColumn() at: string;
  /** When it was entered. */
  @TimestampColumn() createdAt: string;
}
