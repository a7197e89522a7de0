import { Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, LongTextColumn, RefColumn, TextColumn, TimestampColumn } from '../../db/columns';

/**
 * One sign-in in flight, between /api/auth/oidc/start and the callback.
 * Keyed by the SHA-256 of `state`; the callback deletes it, so a state works
 * once (a replayed callback finds nothing) and on any app server.
 */
@Entity('oidc_login_states')
export class OidcLoginStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) stateHash: string;
  @TextColumn(128) codeVerifier: string;
  @TextColumn(128) nonce: string;
  @TextColumn(500) returnTo: string;
  @TimestampColumn() createdAt: string;
}

/** The provider account a Keyline user signs in with: linked once, then found by issuer + subject. */
@Entity('sso_identities')
export class SsoIdentityEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @TextColumn(500) issuer: string;
  @TextColumn(255) subject: string;
  @TimestampColumn() linkedAt: string;
}

/** The ID token of a session opened through the provider, kept for its end-session request at sign-out. */
@Entity('sso_sessions')
export class SsoSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tokenHash: string;
  @LongTextColumn() idToken: string;
  @TimestampColumn() createdAt: string;
}
