import { Entity } from 'typeorm';
import type { CycleStatus } from '@keyline/shared';
import { IdColumn, IntColumn, TextColumn, TimestampColumn } from '../../db/columns';

@Entity('cycles')
export class CycleEntity {
  @IdColumn() id: string;
  @TextColumn(50) name: string;
  /** YYYY-MM-DD */
  @TextColumn(10) startsOn: string;
  @TextColumn(10) endsOn: string;
  @TextColumn(10) status: CycleStatus;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
