import { randomUUID } from 'node:crypto';
import type { IDToken } from 'openid-client';
import { EmailSchema, roleForGroups, type Role } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import type { Config } from '../../config';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { recordAudit } from '../audit/audit.recorder';
import { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';
import { SsoFailure } from './oidc-client';
import { changeProvisionedUser, createProvisionedUser } from './provisioned-user';
import { parseDomains } from './sso.config';
import { SsoIdentityEntity } from './sso.entities';

/** What Keyline takes from a checked ID token. Throws SsoFailure before anything is written. */
export function readClaims(
  config: Config,
  roleMap: ReadonlyMap<string, Role>,
  claims: IDToken,
): { issuer: string; subject: string; email: string; name: string; role: Role | undefined } {
  // The e-mail identifies the person only when the provider vouches for it.
  if (claims.email_verified !== true || typeof claims.email !== 'string') {
    throw new SsoFailure('email_unverified', `email_verified is ${String(claims.email_verified)}`);
  }
  const email = EmailSchema.safeParse(claims.email);
  if (!email.success) throw new SsoFailure('email_unverified', 'The email claim is not an e-mail address');
  const domains = parseDomains(config.OIDC_ALLOWED_DOMAINS);
  const domain = email.data.slice(email.data.lastIndexOf('@') + 1);
  if (domains.length > 0 && !domains.includes(domain)) {
    throw new SsoFailure('domain_not_allowed', `Domain ${domain} is not in OIDC_ALLOWED_DOMAINS`);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name =
    text(claims.name) ||
    [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') ||
    text(claims.preferred_username) ||
    email.data;
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: email.data,
    name: name.slice(0, 100),
    role: mappedRole(config, roleMap, claims),
  };
}

/**
 * The role the claims give, or undefined when the provider does not manage
 * roles: OIDC_ROLES_CLAIM unset, or the claim absent from this token (Entra
 * ID leaves `groups` out past 200 groups; that must not demote anyone).
 */
function mappedRole(config: Config, roleMap: ReadonlyMap<string, Role>, claims: IDToken): Role | undefined {
  if (!config.OIDC_ROLES_CLAIM) return undefined;
  const raw = claims[config.OIDC_ROLES_CLAIM];
  if (raw === undefined) return undefined;
  const groups = (Array.isArray(raw) ? raw : [raw]).filter((g): g is string => typeof g === 'string');
  return roleForGroups(groups, roleMap) ?? config.OIDC_DEFAULT_ROLE;
}

/**
 * Finds or creates the Keyline user for a checked ID token, in one
 * transaction: known subject → update name and role; unknown subject with
 * the e-mail of a user not yet linked → link once (audited); nobody → create
 * (just in time). Disabled users are refused.
 */
export async function provisionFromClaims(
  db: Database,
  config: Config,
  roleMap: ReadonlyMap<string, Role>,
  claims: IDToken,
): Promise<{ id: string; created: boolean }> {
  const who = readClaims(config, roleMap, claims);
  return db.write(async (m) => {
    const identity = await m.findOneBy(SsoIdentityEntity, { issuer: who.issuer, subject: who.subject });
    const linked = identity ? await m.findOneBy(UserEntity, { id: identity.userId }) : null;
    const user = linked ?? (await m.findOneBy(UserEntity, { email: who.email }));
    const actorFor = (u: { id: string; name: string; email: string; role: Role }): Actor => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
    });

    if (!user) {
      // Created just in time; the trail names the new user as the one who did it.
      const id = randomUUID();
      const role = who.role ?? config.OIDC_DEFAULT_ROLE;
      const created = await createProvisionedUser(m, actorFor({ id, name: who.name, email: who.email, role }), {
        id,
        email: who.email,
        name: who.name,
        role,
      });
      await m.insert(SsoIdentityEntity, {
        id: randomUUID(),
        userId: created.id,
        issuer: who.issuer,
        subject: who.subject,
        linkedAt: nowIso(),
      });
      return { id: created.id, created: true };
    }
    if (user.disabled) throw new SsoFailure('disabled', `User ${user.id} is disabled`);

    if (!linked) {
      if (await m.existsBy(SsoIdentityEntity, { userId: user.id })) {
        throw new SsoFailure('already_linked', `User ${user.id} is linked to another subject`);
      }
      await m.insert(SsoIdentityEntity, {
        id: randomUUID(),
        userId: user.id,
        issuer: who.issuer,
        subject: who.subject,
        linkedAt: nowIso(),
      });
      const dto = toUserDto(user);
      await recordAudit(
        m,
        actorFor(user),
        'user',
        user.id,
        'update',
        { ...dto, singleSignOn: null },
        {
          ...dto,
          singleSignOn: { issuer: who.issuer, subject: who.subject },
        },
      );
    }
    // The e-mail stays the one Keyline has: it may be a login name elsewhere, and SCIM owns it when used.
    await changeProvisionedUser(m, actorFor(user), user, { name: who.name, role: who.role });
    return { id: user.id, created: false };
  });
}
