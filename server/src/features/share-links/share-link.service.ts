import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type {
  CreateShareLinkSchema,
  CreatedShareLink,
  Dashboard,
  SharedDashboardQuery,
  ShareLink,
} from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { AppError, invalidField, notFound, versionConflict } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import type { DashboardService } from '../dashboard/dashboard.service';
import { ShareLinkEntity } from './share-link.entity';

/** 32 random bytes in base64url: exactly 43 characters from this alphabet. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toShareLinkDto(row: ShareLinkEntity, now = Date.now()): ShareLink {
  return {
    id: row.id,
    name: row.name,
    createdById: row.createdById,
    createdByName: row.createdByName,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    status: row.revokedAt ? 'revoked' : row.expiresAt && Date.parse(row.expiresAt) <= now ? 'expired' : 'active',
    version: row.version,
    createdAt: row.createdAt,
  };
}

/**
 * Read-only links to the dashboard. The token opens exactly one route
 * (`GET /api/shared/:token/dashboard`); it is never a session, so no other
 * route accepts it in any form.
 */
export class ShareLinkService {
  constructor(
    private readonly db: Database,
    private readonly dashboard: DashboardService,
  ) {}

  create(actor: Actor, input: z.output<typeof CreateShareLinkSchema>): Promise<CreatedShareLink> {
    const expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt).toISOString();
    if (expiresAt !== null && Date.parse(expiresAt) <= Date.now())
      throw invalidField('expiresAt', 'Must be in the future');
    const token = randomBytes(32).toString('base64url');
    return this.db.write(async (m) => {
      const row: ShareLinkEntity = {
        id: randomUUID(),
        tokenHash: hashToken(token),
        name: input.name,
        createdById: actor.id || null,
        createdByName: actor.name,
        expiresAt,
        revokedAt: null,
        version: 1,
        createdAt: nowIso(),
      };
      await m.insert(ShareLinkEntity, row);
      const dto = toShareLinkDto(row);
      // The token never enters the audit trail: only the hash could, and even that is not needed.
      await recordAudit(m, actor, 'shareLink', row.id, 'create', null, dto);
      return { ...dto, token, url: `/shared/${token}` };
    });
  }

  /** Newest first, tokens never included (they are not stored). */
  list(): Promise<ShareLink[]> {
    return this.db.read(async (m) => {
      const now = Date.now();
      return (await m.find(ShareLinkEntity, { order: { createdAt: 'DESC', id: 'ASC' } })).map((r) =>
        toShareLinkDto(r, now),
      );
    });
  }

  /** Revoking keeps the row so the list still shows the link and when it stopped working. */
  revoke(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const before = await m.findOneBy(ShareLinkEntity, { id });
      if (!before) throw notFound('Share link');
      if (before.version !== version) throw versionConflict('Share link', toShareLinkDto(before));
      if (before.revokedAt) throw new AppError('CONFLICT', 'This link is already revoked');
      // A link has no updatedAt (revokedAt is its one change), so not db/versioned.ts; same conditional update.
      const result = await m
        .createQueryBuilder()
        .update(ShareLinkEntity)
        .set({ revokedAt: nowIso(), version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw versionConflict('Share link', toShareLinkDto(before));
      const after = await m.findOneByOrFail(ShareLinkEntity, { id });
      await recordAudit(m, actor, 'shareLink', id, 'update', toShareLinkDto(before), toShareLinkDto(after));
    });
  }

  /**
   * The dashboard through a link: the active cycle at view time. Unknown,
   * malformed, expired and revoked tokens all get the same 404, so probing
   * tells nothing about which tokens once existed.
   */
  async dashboardFor(token: string, query: SharedDashboardQuery): Promise<Dashboard> {
    const denied = notFound('Shared dashboard');
    if (!TOKEN_SHAPE.test(token)) throw denied;
    const tokenHash = hashToken(token);
    const link = await this.db.read((m) => m.findOneBy(ShareLinkEntity, { tokenHash }));
    if (!link || toShareLinkDto(link).status !== 'active') throw denied;
    return this.dashboard.get({ teamId: query.teamId });
  }
}
