import { Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, IntColumn, TextColumn, TimestampColumn } from '../../db/columns';

/** A bearer token for the identity provider's SCIM client. Only its SHA-256 is stored; revoked rows stay for the record. */
@Entity('scim_tokens')
export class ScimTokenEntity {
  @IdColumn() id: string;
  @TextColumn(100) name: string;
  @TextColumn(64) tokenHash: string;
  @TimestampColumn() createdAt: string;
  /** The admin who generated it, by name (the trail stays readable if they leave). */
  @TextColumn(100) createdBy: string;
  @TimestampColumn(true) lastUsedAt: string | null;
  @TimestampColumn(true) revokedAt: string | null;
}

/** What SCIM knows about a user beyond the users row: the provider's id for them, and whether it removed them. */
@Entity('scim_users')
export class ScimUserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  /** As the provider sent it (Keyline's e-mail is lower-case; userName matches case-insensitively). */
  @TextColumn(254) userName: string;
  @TextColumn(255, true) externalId: string | null;
  @TextColumn(100, true) givenName: string | null;
  @TextColumn(100, true) familyName: string | null;
  /** Set by DELETE: the account stays, disabled, so names on OKRs and check-ins stay; SCIM no longer lists it. */
  @TimestampColumn(true) removedAt: string | null;
  @TimestampColumn() createdAt: string;
}

/** A provider group; its displayName is looked up in OIDC_ROLE_MAP to give its members a role. */
@Entity('scim_groups')
export class ScimGroupEntity {
  @IdColumn() id: string;
  @TextColumn(255) displayName: string;
  @TextColumn(255, true) externalId: string | null;
  @IntColumn() version: number;
  @TimestampColumn() createdAt: string;
  @TimestampColumn() updatedAt: string;
}

@Entity('scim_group_members')
export class ScimGroupMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) groupId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
}
