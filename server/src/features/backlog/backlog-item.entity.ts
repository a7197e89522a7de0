import { Entity } from 'typeorm';
import type { ItemStatus, ItemType } from '@keyline/shared';
import {
  IdColumn,
  IntColumn,
  JsonColumn,
  LongTextColumn,
  NumberColumn,
  RefColumn,
  TextColumn,
  TimestampColumn,
} from '../../db/columns';

@Entity('backlog_items')
export class BacklogItemEntity {
  @IdColumn() id: string;
  @TextColumn(200) title: string;
  @LongTextColumn() description: string;
  @TextColumn(20) type: ItemType;
  @TextColumn(20) status: ItemStatus;
  @RefColumn(true) teamId: string | null;
  @NumberColumn() rank: number;
  // Estimates: null means "not estimated", never 0.
  @NumberColumn(true) reach: number | null;
  @NumberColumn(true) impact: number | null;
  @NumberColumn(true) confidence: number | null;
  @NumberColumn(true) effort: number | null;
  @NumberColumn(true) businessValue: number | null;
  @NumberColumn(true) timeCriticality: number | null;
  @NumberColumn(true) riskReduction: number | null;
  @NumberColumn(true) jobSize: number | null;
  @NumberColumn(true) ease: number | null;
  /** e.g. a Jira key; unique when present. */
  @TextColumn(100, true) externalKey: string | null;
  @JsonColumn() labels: string[];
  /** When the item last became done (null otherwise): "output without outcome" compares it with check-ins. */
  @TimestampColumn(true) doneAt?: string | null;
  /**
   * Set when the item no longer matches its tracker connection's query: hidden from every backlog view
   * (links and history kept) and cleared when it matches again. Optional so older inserts need not name it.
   */
  @TimestampColumn(true) archivedAt?: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}
