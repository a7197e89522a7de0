import { Entity } from 'typeorm';
import { IdColumn, IntColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** A read-only dashboard link. Revoking keeps the row (revokedAt) so the list shows who shared what. */
@Entity('share_links')
export class ShareLinkEntity {
  @IdColumn() id: string;
  /** SHA-256 hex of the token; the token itself is never stored. */
  @TextColumn(64) tokenHash: string;
  @TextColumn(100) name: string;
  @RefColumn(true) createdById: string | null;
  @TextColumn(100) createdByName: string;
  @TimestampColumn(true) expiresAt: string | null;
  @TimestampColumn(true) revokedAt: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
}
