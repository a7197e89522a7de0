import { randomBytes, randomUUID } from 'node:crypto';
import { CreateApiTokenSchema, type ApiToken, type CreatedApiToken } from '@keyline/shared';
import type { z } from 'zod';
import { nowIso } from '../db/columns';
import type { Database } from '../db/database';
import { UserEntity } from '../features/users/user.entity';
import { recordAudit } from '../features/audit/audit.recorder';
import { AppError, invalidField, notFound } from '../http/app-error';
import type { Actor } from './actor';
import { ApiTokenEntity } from './api-token.entity';
import { hashToken } from './session.service';

const TOUCH_EVERY_MS = 60_000;

const toDto = (t: ApiTokenEntity): ApiToken => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  userId: t.userId,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

export class ApiTokenService {
  constructor(private readonly db: Database) {}

  /** Tokens are made from a signed-in session only: a token cannot mint more tokens. */
  create(actor: Actor, input: z.output<typeof CreateApiTokenSchema>): Promise<CreatedApiToken> {
    assertSession(actor);
    if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now())
      throw invalidField('expiresAt', 'Must be in the future');
    const token = `kl_${randomBytes(32).toString('base64url')}`;
    return this.db.write(async (m) => {
      const row: ApiTokenEntity = {
        id: randomUUID(),
        name: input.name,
        userId: actor.id,
        tokenHash: hashToken(token),
        scope: input.scope,
        createdAt: nowIso(),
        lastUsedAt: null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
        revokedAt: null,
      };
      await m.insert(ApiTokenEntity, row);
      await recordAudit(m, actor, 'apiToken', row.id, 'create', null, toDto(row));
      return { ...toDto(row), token };
    });
  }

  /** Your own tokens; an admin sees everyone's. */
  list(actor: Actor): Promise<ApiToken[]> {
    return this.db.read(async (m) =>
      (
        await m.find(ApiTokenEntity, {
          where: actor.role === 'admin' ? {} : { userId: actor.id },
          order: { createdAt: 'DESC' },
        })
      ).map(toDto),
    );
  }

  /** Revoking keeps the row (revokedAt) so the list shows what existed. */
  revoke(actor: Actor, id: string): Promise<void> {
    assertSession(actor);
    return this.db.write(async (m) => {
      const row = await m.findOneBy(ApiTokenEntity, { id });
      if (!row || (row.userId !== actor.id && actor.role !== 'admin')) throw notFound('API token');
      if (row.revokedAt) return;
      const revokedAt = nowIso();
      await m.update(ApiTokenEntity, { id }, { revokedAt });
      await recordAudit(m, actor, 'apiToken', id, 'update', toDto(row), { ...toDto(row), revokedAt });
    });
  }

  /**
   * The actor behind `Authorization: Bearer <token>`, or undefined. A read
   * token acts as a viewer; a write token as its owner — never more than the
   * owner's current role, and nothing once the owner is disabled.
   */
  async resolve(token: string): Promise<Actor | undefined> {
    const tokenHash = hashToken(token);
    const found = await this.db.read(async (m) => {
      const row = await m.findOneBy(ApiTokenEntity, { tokenHash });
      const user = row ? await m.findOneBy(UserEntity, { id: row.userId }) : null;
      return row && user ? { row, user } : undefined;
    });
    if (!found) return undefined;
    const { row, user } = found;
    const now = Date.now();
    if (row.revokedAt || user.disabled || (row.expiresAt && Date.parse(row.expiresAt) <= now)) return undefined;
    if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
      await this.db.write((m) => m.update(ApiTokenEntity, { id: row.id }, { lastUsedAt: nowIso() }));
    }
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: row.scope === 'read' ? 'viewer' : user.role,
      via: 'token',
      ...(row.scope === 'read' ? { readOnly: true as const } : {}),
    };
  }
}

function assertSession(actor: Actor): void {
  if (actor.via === 'token')
    throw new AppError('FORBIDDEN', 'API tokens are managed from a signed-in session, not with a token');
}
