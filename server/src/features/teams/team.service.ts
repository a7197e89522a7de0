import { randomUUID } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import type { CreateTeamInput, Team, UpdateTeamInput } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { deleteVersioned, updateVersioned } from '../../db/versioned';
import { AppError, notFound } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { ChatChannelEntity } from '../chat/chat-channel.entity';
import { TeamEntity } from './team.entity';

export const toTeamDto = (t: TeamEntity): Team => ({
  id: t.id,
  name: t.name,
  version: t.version,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

export class TeamService {
  constructor(private readonly db: Database) {}

  list(): Promise<Team[]> {
    return this.db.read(async (m) => (await m.find(TeamEntity, { order: { name: 'ASC' } })).map(toTeamDto));
  }

  get(id: string): Promise<Team> {
    return this.db.read(async (m) => {
      const team = await m.findOneBy(TeamEntity, { id });
      if (!team) throw notFound('Team');
      return toTeamDto(team);
    });
  }

  create(actor: Actor, input: CreateTeamInput): Promise<Team> {
    return this.db.write(async (m) => {
      await assertNameFree(m, input.name);
      const now = nowIso();
      const row: TeamEntity = { id: randomUUID(), name: input.name, version: 1, createdAt: now, updatedAt: now };
      await m.insert(TeamEntity, row);
      const dto = toTeamDto(row);
      await recordAudit(m, actor, 'team', row.id, 'create', null, dto);
      return dto;
    });
  }

  update(actor: Actor, id: string, version: number, input: UpdateTeamInput): Promise<Team> {
    return this.db.write(async (m) => {
      if (input.name !== undefined) await assertNameFree(m, input.name, id);
      const { before, after } = await updateVersioned(
        m,
        TeamEntity,
        'Team',
        id,
        version,
        () => ({ ...input }),
        toTeamDto,
      );
      const dto = toTeamDto(after);
      await recordAudit(m, actor, 'team', id, 'update', toTeamDto(before), dto);
      return dto;
    });
  }

  remove(actor: Actor, id: string, version: number): Promise<void> {
    return this.db.write(async (m) => {
      const inUse =
        (await m.existsBy(ObjectiveEntity, { teamId: id })) || (await m.existsBy(BacklogItemEntity, { teamId: id }));
      if (inUse) throw new AppError('IN_USE', 'This team still has objectives or backlog items; move them first');
      if (await m.existsBy(ChatChannelEntity, { teamId: id }))
        throw new AppError('IN_USE', 'This team has a chat channel; delete it or give it to another team first');
      const before = await deleteVersioned(m, TeamEntity, 'Team', id, version, toTeamDto);
      await recordAudit(m, actor, 'team', id, 'delete', toTeamDto(before), null);
    });
  }
}

async function assertNameFree(m: EntityManager, name: string, exceptId?: string): Promise<void> {
  const taken = await m.existsBy(TeamEntity, { name, ...(exceptId ? { id: Not(exceptId) } : {}) });
  if (taken) {
    throw new AppError('DUPLICATE', `A team named ${name} already exists`, {
      issues: [{ path: ['name'], message: 'Already in use' }],
    });
  }
}
