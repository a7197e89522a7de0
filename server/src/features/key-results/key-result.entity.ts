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
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
