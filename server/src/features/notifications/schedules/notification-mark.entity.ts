import { Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../../db/columns';

/**
 * "This was done once": a reminder stage for a KR's due check-in
 * (`reminder:<kr>:<dueAt>:<stage>`) or a person's digest for a week
 * (`digest:<user>:<week>`). Written in the transaction that writes the
 * message, so a job run again (after a crash, on another server, after
 * downtime) finds it and sends nothing twice.
 */
@Entity('notification_marks')
export class NotificationMarkEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key: string;
  @TimestampColumn() createdAt: string;
}
