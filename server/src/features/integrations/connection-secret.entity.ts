import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LongTextColumn, TimestampColumn } from '../../db/columns';

/**
 * A connection's secrets, encrypted (AES-256-GCM, see secret-box.ts). Kept
 * apart from the connection so backups leave them out as a whole table:
 * after a restore each connection asks for its token again.
 */
@Entity('integration_secrets')
export class ConnectionSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) connectionId: string;
  @LongTextColumn() token: string;
  @Column({ type: 'text', nullable: true }) webhookSecret: string | null;
  @TimestampColumn() updatedAt: string;
}
