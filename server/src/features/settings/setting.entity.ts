import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, JsonColumn, TimestampColumn } from '../../db/columns';

/** Workspace-wide settings, one row per key (e.g. `scoring`). */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 }) key: string;
  @JsonColumn() value: unknown;
  @IntColumn() version: number;
  @TimestampColumn() updatedAt: string;
}
