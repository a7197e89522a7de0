import { Entity } from 'typeorm';
import {
  IdColumn,
  IntColumn,
  LongTextColumn,
  NumberColumn,
  RefColumn,
  TextColumn,
  TimestampColumn,
} from '../../db/columns';

@Entity('objectives')
export class ObjectiveEntity {
  @IdColumn() id: string;
  @RefColumn() cycleId: string;
  @TextColumn(200) title: string;
  @LongTextColumn() description: string;
  /** null = a company-level objective. */
  @RefColumn(true) teamId: string | null;
  /** Team objectives ladder up to company ones. */
  @RefColumn(true) parentId: string | null;
  @RefColumn(true) ownerId: string | null;
  @NumberColumn() weight: number;
  /** Soft delete: links to its KRs stay so scoring can flag them as stale. */
  @TimestampColumn(true) deletedAt: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
