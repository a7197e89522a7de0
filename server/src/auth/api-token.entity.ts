import { Entity } from 'typeorm';
import { IdColumn, RefColumn, TextColumn, TimestampColumn } from '../db/columns';

/** A named token for scripts. Only the SHA-256 of the secret is stored; revoked rows stay for the record. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @IdColumn() id: string;
  @TextColumn(100) name: string;
  @RefColumn() userId: string;
  @TextColumn(64) tokenHash: string;
  @TextColumn(10) scope: 'read' | 'write';
  @TimestampColumn() createdAt: string;
  @TimestampColumn(true) lastUsedAt: string | null;
  @TimestampColumn(true) expiresAt: string | null;
  @TimestampColumn(true) revokedAt: string | null;
}
