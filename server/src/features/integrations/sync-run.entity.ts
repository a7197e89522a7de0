import { Column, Entity } from 'typeorm';
import type { RunError, RunMode, RunState, RunTrigger } from '@keyline/shared';
import { IdColumn, IntColumn, JsonColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/**
 * One run of a connection. Each page it fetches is committed together with
 * the run's counters and `pageToken`, so a run cut short by a crash resumes
 * from its last committed page.
 */
@Entity('sync_runs')
export class SyncRunEntity {
  @IdColumn() id: string;
  @RefColumn() connectionId: string;
  @TextColumn(20) mode: RunMode;
  @TextColumn(20) trigger: RunTrigger;
  @TextColumn(20) state: RunState;
  @TimestampColumn() startedAt: string;
  @TimestampColumn(true) finishedAt: string | null;
  /** Incremental runs: fetch what changed after this (the previous high-water mark). */
  @TimestampColumn(true) since: string | null;
  /** Where the next page starts (Jira's nextPageToken, GitHub's next link); null before the first page. */
  @Column({ type: 'text', nullable: true }) pageToken: string | null;
  /** Pages committed so far. */
  @IntColumn() pages: number;
  /** The latest `updated` among the issues fetched so far. */
  @TimestampColumn(true) highWater: string | null;
  @IntColumn() fetched: number;
  @IntColumn() created: number;
  @IntColumn() updated: number;
  @IntColumn() archived: number;
  @IntColumn() restored: number;
  @IntColumn() labelsWritten: number;
  @JsonColumn() errors: RunError[];
  @IntColumn() errorCount: number;
  @TextColumn(1000, true) message: string | null;
}
