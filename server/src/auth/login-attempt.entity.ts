import { Entity } from 'typeorm';
import { BoolColumn, IdColumn, TextColumn, TimestampColumn } from '../db/columns';

/** Every sign-in attempt (never the password): the log, and the rate limiter's memory. */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @IdColumn() id: string;
  @TextColumn(254) email: string;
  @TextColumn(64) ip: string;
  @BoolColumn() succeeded: boolean;
  @TimestampColumn() at: string;
}
