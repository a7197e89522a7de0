import { Entity } from 'typeorm';
import type { HeadlineReason } from '@keyline/shared';
import { IdColumn, NumberColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** The headline figures as they were when recorded: history, never recomputed. Append-only. */
@Entity('headline_history')
export class HeadlineHistoryEntity {
  @IdColumn() id: string;
  @RefColumn() cycleId: string;
  /** null = the whole company. */
  @RefColumn(true) teamId: string | null;
  @TimestampColumn() recordedAt: string;
  /** UTC day of recordedAt (YYYY-MM-DD). */
  @TextColumn(10) day: string;
  @TextColumn(10) reason: HeadlineReason;
  @NumberColumn(true) misalignedEffortShare: number | null;
  @NumberColumn(true) krCoverageShare: number | null;
  @NumberColumn() openEffort: number;
}
