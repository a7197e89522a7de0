import { Entity } from 'typeorm';
import type { MetricType } from '@keyline/shared';
import { IdColumn, IntColumn, NumberColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

@Entity('key_results')
export class KeyResultEntity {
  @IdColumn() id: string;
  @RefColumn() objectiveId: string;
  @TextColumn(200) title: string;
  @TextColumn(10) metricType: MetricType;
  @NumberColumn() startValue: number;
  @NumberColumn() targetValue: number;
  @NumberColumn() currentValue: number;
  @TextColumn(20) unit: string;
  @NumberColumn() weight: number;
  @RefColumn(true) ownerId: string | null;
  @TimestampColumn(true) deletedAt: string | null;
  // Grading and carry-over (migration 1764900000000). Optional in the type so
  // inserts that predate them need not name them: the columns default to NULL.
  @NumberColumn(true) grade?: number | null;
  @TextColumn(2000, true) gradeNote?: string | null;
  @TimestampColumn(true) gradedAt?: string | null;
  @RefColumn(true) carriedFromId?: string | null;
  @RefColumn(true) carriedToId?: string | null;
  /** Short stable code for write-back labels (`keyline-kr-<code>`), given on creation or first write-back. */
  @TextColumn(8, true) code?: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
