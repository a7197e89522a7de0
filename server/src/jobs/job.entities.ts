import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, TextColumn, TimestampColumn } from '../db/columns';

/**
 * One row per scheduled job: the last slot (a time the cron pattern names)
 * that was claimed and the last that finished. A slot is claimed by one
 * conditional UPDATE, so of several app servers exactly one runs it.
 */
@Entity('scheduled_jobs')
export class ScheduledJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) name: string;
  /** The slot being run or last run (ISO); a slot is never claimed twice while its run is alive. */
  @TimestampColumn(true) claimedSlot: string | null;
  /** The last slot whose run finished (successfully or not). */
  @TimestampColumn(true) doneSlot: string | null;
  @TextColumn(100, true) runner: string | null;
  /** While a run is alive its runner keeps pushing this forward; past it, another server may take over. */
  @TimestampColumn(true) leaseUntil: string | null;
  /** A failed run is retried from this moment. */
  @TimestampColumn(true) retryAt: string | null;
  @TimestampColumn(true) lastStartedAt: string | null;
  @TimestampColumn(true) lastFinishedAt: string | null;
  @TextColumn(500, true) lastError: string | null;
  @IntColumn() runs: number;
}

/** A named lease: who holds it and until when. For work that one process at a time may do. */
@Entity('leases')
export class LeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) name: string;
  @TextColumn(100, true) holder: string | null;
  @TimestampColumn(true) until: string | null;
}
