import { Entity } from 'typeorm';
import { IdColumn, IntColumn, TextColumn, TimestampColumn } from '../../db/columns';

@Entity('teams')
export class TeamEntity {
  @IdColumn() id: string;
  @TextColumn(100) name: string;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
