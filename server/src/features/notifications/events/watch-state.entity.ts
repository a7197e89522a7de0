import { Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from '../../../db/columns';

/**
 * What the change watcher last saw, so it reports changes, not states:
 * `kr_status` (one row per KR of an active quarter: its status), `item_flags`
 * (one row per flagged item: flag code → since when), `meta` (baselines and
 * the snapshot the flags were last compared against).
 */
@Entity('watch_states')
export class WatchStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 }) kind: string;
  @PrimaryColumn({ type: 'varchar', length: 60 }) subjectId: string;
  @JsonColumn() value: unknown;
  @TimestampColumn() updatedAt: string;
}
