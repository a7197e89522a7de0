import { Entity, PrimaryColumn } from 'typeorm';
import { RefColumn, TextColumn, TimestampColumn } from '../db/columns';

/**
 * Sessions live in the database so several app servers share them. The
 * cookie carries a random token; only its SHA-256 is stored.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tokenHash: string;
  @RefColumn() userId: string;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() lastSeenAt: string;
  /** Absolute end, fixed at sign-in. */
  @TimestampColumn() expiresAt: string;
  @TextColumn(200, true) userAgent: string | null;
}
