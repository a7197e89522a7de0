import { randomUUID } from 'node:crypto';
import { IsNull, Not, type EntityManager } from 'typeorm';
import {
  CreateBacklogItemSchema,
  type BacklogItem,
  type BacklogRow,
  type BacklogListQuery,
  type MoveBacklogItemInput,
  type Page,
  type ScoredBacklogItem,
  type ItemStatus,
  type UpdateBacklogItemInput,
} from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, invalidField, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { assertNotSynced, assertTrackerFieldsUntouched } from '../integrations/item-sources';
import { CycleEntity } from '../cycles/cycle.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { attachScores } from '../scoring/attach-scores';
import type { LiveScores } from '../scoring/live-scores';
import { TeamEntity } from '../teams/team.entity';
import { BacklogItemEntity } from './backlog-item.entity';
import { BacklogLinkEntity } from './backlog-link.entity';
import { toBacklogItemDtos } from './backlog.mapper';
import { isUnfiltered, listBacklogItems, listUnfiltered } from './backlog.query';
import { BacklogPageQueries } from './backlog-page';
import { rankAtBottom, rankForMove } from './backlog-rank';
import type { OkrEvents } from '../notifications/events/okr-events';

const NO_ESTIMATES = {
  reach: null,
  impact: null,
  confidence: null,
  effort: null,
  businessValue: null,
  timeCriticality: null,
  riskReduction: null,
  jobSize: null,
  ease: null,
};

export class BacklogService {
  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
    /** Publishes `backlog_item.linked` / `unlinked` inside the link's transaction. */
    private readonly events?: Pick<OkrEvents, 'linkChanged'>,
  ) {
    this.pages = new BacklogPageQueries(db);
  }

  private readonly pages: BacklogPageQueries;

  async list(query: BacklogListQuery): Promise<Page<BacklogRow>> {
    // Scores first: on SQLite a read inside a read would wait for itself.
    const { backlog } = await this.scores.current();
    if (isUnfiltered(query)) return listUnfiltered(this.pages, query, backlog);
    return this.db.read((m) => listBacklogItems(m, query, backlog));
  }

  async get(id: string): Promise<ScoredBacklogItem> {
    return this.scored(await this.db.read(async (m) => toDto(m, await findItem(m, id))));
  }

  /** Write responses carry the score too, so the client can update its row in place. */
  private async scored(item: BacklogItem): Promise<ScoredBacklogItem> {
    return attachScores([item], (await this.scores.current()).backlog)[0] as ScoredBacklogItem;
  }

  /** New items go to the bottom of the manual order. */
  async create(actor: Actor, input: z.output<typeof CreateBacklogItemSchema>): Promise<ScoredBacklogItem> {
    return this.scored(
      await this.db.write(async (m) => {
        await assertTeam(m, input.teamId);
        await assertExternalKeyFree(m, input.externalKey);
        const now = nowIso();
        const row: BacklogItemEntity = {
          id: randomUUID(),
          ...NO_ESTIMATES,
          ...input,
          doneAt: doneAtFor(input.status, input.doneAt, now),
          rank: await rankAtBottom(m),
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(BacklogItemEntity, row);
        const dto = await toDto(m, row);
        await recordAudit(m, actor, 'backlogItem', row.id, 'create', null, dto);
        return dto;
      }),
    );
  }

  update(actor: Actor, id: string, version: number, input: UpdateBacklogItemInput): Promise<ScoredBacklogItem> {
    return this.changeItem(
      actor,
      id,
      version,
      async (m, current) => {
        await assertTrackerFieldsUntouched(m, current, input);
        await assertTeam(m, input.teamId);
        await assertExternalKeyFree(m, input.externalKey, id);
        // When the item became done: outcomes compare it with check-ins.
        const status = input.status ?? current.status;
        const doneAt =
          input.doneAt !== undefined || status !== current.status
            ? { doneAt: doneAtFor(status, input.doneAt, nowIso()) }
            : {};
        return { ...input, ...doneAt };
      },
      async (m, before, _after, dto) => ({ before: await toDto(m, before), after: dto }),
    );
  }

  move(actor: Actor, id: string, version: number, move: MoveBacklogItemInput): Promise<ScoredBacklogItem> {
    return this.changeItem(
      actor,
      id,
      version,
      async (m) => ({ rank: await rankForMove(m, id, move) }),
      // A move changes the rank only: the audit entry says so instead of repeating the item.
      (_m, before, after) => ({ before: { rank: before.rank }, after: { rank: after.rank, move } }),
    );
  }

  /**
   * One change to an item at the version the caller saw: the conditional
   * update (412 with the current row if someone else won) and its audit entry
   * in one transaction; the answer carries the score.
   */
  private async changeItem(
    actor: Actor,
    id: string,
    version: number,
    changes: (m: EntityManager, current: BacklogItemEntity) => Promise<Partial<BacklogItemEntity>>,
    auditEntry: (
      m: EntityManager,
      before: BacklogItemEntity,
      after: BacklogItemEntity,
      dto: BacklogItem,
    ) => Promise<{ before: unknown; after: unknown }> | { before: unknown; after: unknown },
  ): Promise<ScoredBacklogItem> {
    return this.scored(
      await this.db.write(async (m) => {
        const { before, after } = await updateVersioned(
          m,
          BacklogItemEntity,
          'Backlog item',
          id,
          version,
          (current) => changes(m, current),
          (row) => toDto(m, row),
        );
        const dto = await toDto(m, after);
        const entry = await auditEntry(m, before, after, dto);
        await recordAudit(m, actor, 'backlogItem', id, 'update', entry.before, entry.after);
        return dto;
      }),
    );
  }

  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const before = await toDto(m, await findItem(m, id));
      await assertNotSynced(m, id);
      await deleteVersioned(m, BacklogItemEntity, 'Backlog item', id, version, (row) => toDto(m, row));
      await recordAudit(m, actor, 'backlogItem', id, 'delete', before, null);
    });
  }

  /** Creates or changes the link; idempotent, so it needs no If-Match. */
  async setLink(actor: Actor, itemId: string, keyResultId: string, strength: number): Promise<ScoredBacklogItem> {
    return this.scored(
      await this.db.write(async (m) => {
        const item = await findItem(m, itemId);
        await assertLinkableKeyResult(m, keyResultId);
        const existing = await m.findOneBy(BacklogLinkEntity, { itemId, keyResultId });
        if (existing?.strength === strength) return toDto(m, item);
        if (existing) await m.update(BacklogLinkEntity, { itemId, keyResultId }, { strength });
        else await m.insert(BacklogLinkEntity, { itemId, keyResultId, strength, createdAt: nowIso() });
        await recordAudit(
          m,
          actor,
          'link',
          `${itemId}:${keyResultId}`,
          existing ? 'update' : 'create',
          existing ? { itemId, keyResultId, strength: existing.strength } : null,
          { itemId, keyResultId, strength },
        );
        await this.events?.linkChanged(m, itemId, keyResultId, strength);
        return toDto(m, item);
      }),
    );
  }

  removeLink(actor: Actor, itemId: string, keyResultId: string): Promise<void> {
    return this.db.write(async (m) => {
      await findItem(m, itemId);
      const existing = await m.findOneBy(BacklogLinkEntity, { itemId, keyResultId });
      if (!existing) throw notFound('Link');
      await m.delete(BacklogLinkEntity, { itemId, keyResultId });
      await recordAudit(
        m,
        actor,
        'link',
        `${itemId}:${keyResultId}`,
        'delete',
        { itemId, keyResultId, strength: existing.strength },
        null,
      );
      await this.events?.linkChanged(m, itemId, keyResultId, null);
    });
  }
}

/** A clock a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 60_000;

/**
 * An item's done date: the one given (only for a done item, not in the
 * future), else now when it is done, else null.
 */
function doneAtFor(status: ItemStatus, given: string | undefined, now: string): string | null {
  if (given === undefined) return status === 'done' ? now : null;
  if (status !== 'done') throw invalidField('doneAt', 'Only a done item has a done date');
  if (Date.parse(given) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw invalidField('doneAt', 'The done date cannot be in the future');
  }
  return given;
}

async function toDto(m: EntityManager, row: BacklogItemEntity): Promise<BacklogItem> {
  return (await toBacklogItemDtos(m, [row]))[0] as BacklogItem;
}

async function findItem(m: EntityManager, id: string): Promise<BacklogItemEntity> {
  const row = await m.findOneBy(BacklogItemEntity, { id });
  if (!row) throw notFound('Backlog item');
  return row;
}

async function assertTeam(m: EntityManager, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await m.existsBy(TeamEntity, { id: teamId }))) throw invalidField('teamId', 'No such team');
}

async function assertExternalKeyFree(
  m: EntityManager,
  key: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!key) return;
  if (await m.existsBy(BacklogItemEntity, { externalKey: key, ...(exceptId ? { id: Not(exceptId) } : {}) })) {
    throw new AppError('DUPLICATE', `Another item already has the key ${key}`, {
      issues: [{ path: ['externalKey'], message: 'Already in use' }],
    });
  }
}

/** Work can only be tagged to a live key result of a cycle that is not closed. */
async function assertLinkableKeyResult(m: EntityManager, keyResultId: string): Promise<void> {
  const kr = await m.findOneBy(KeyResultEntity, { id: keyResultId, deletedAt: IsNull() });
  if (!kr) throw notFound('Key result');
  const objective = await m.findOneBy(ObjectiveEntity, { id: kr.objectiveId, deletedAt: IsNull() });
  const cycle = objective ? await m.findOneBy(CycleEntity, { id: objective.cycleId }) : null;
  if (!cycle) throw notFound('Key result');
  if (cycle.status === 'closed')
    throw new AppError('CONFLICT', `${cycle.name} is closed; tag work to a key result of an open cycle`);
}
