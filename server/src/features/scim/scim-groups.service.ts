import { randomUUID } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { roleForGroups, type Role } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { recordAudit } from '../audit/audit.recorder';
import { changeProvisionedUser } from '../sso/provisioned-user';
import { UserEntity } from '../users/user.entity';
import {
  listResponse,
  parseFilter,
  readPatch,
  readPaging,
  SCIM,
  ScimError,
  type PatchOperation,
} from './scim-protocol';
import { ScimGroupEntity, ScimGroupMemberEntity, ScimUserEntity } from './scim.entities';

interface GroupState {
  displayName: string;
  externalId: string | null;
  members: string[];
}

/**
 * SCIM /Groups. A group whose displayName is in OIDC_ROLE_MAP gives its
 * members that role (the highest of their mapped groups; none mapped: the
 * default role). Groups not in the map change no one's role.
 */
export class ScimGroupService {
  constructor(
    private readonly db: Database,
    private readonly baseUrl: string,
    private readonly roleMap: ReadonlyMap<string, Role>,
    private readonly defaultRole: Role,
  ) {}

  private toResource(group: ScimGroupEntity, members: { id: string; name: string }[], withMembers = true) {
    return {
      schemas: [SCIM.group],
      id: group.id,
      displayName: group.displayName,
      ...(group.externalId && { externalId: group.externalId }),
      ...(withMembers && {
        members: members.map((u) => ({
          value: u.id,
          display: u.name,
          $ref: `${this.baseUrl}/scim/v2/Users/${u.id}`,
        })),
      }),
      meta: {
        resourceType: 'Group',
        created: group.createdAt,
        lastModified: group.updatedAt,
        location: `${this.baseUrl}/scim/v2/Groups/${group.id}`,
        version: `W/"${group.version}"`,
      },
    };
  }

  async list(query: { filter?: string; startIndex?: string; count?: string; excludedAttributes?: string }) {
    const filters = parseFilter(query.filter);
    const paging = readPaging(query);
    const withMembers = !(query.excludedAttributes ?? '').toLowerCase().split(',').includes('members');
    return this.db.read(async (m) => {
      const groups = await m.find(ScimGroupEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
      const members = await m.find(ScimGroupMemberEntity);
      const matches = groups.filter((g) =>
        filters.every(({ attribute, value }) => {
          if (attribute === 'displayname') return g.displayName.toLowerCase() === value.toLowerCase();
          if (attribute === 'externalid') return g.externalId === value;
          if (attribute === 'id') return g.id === value;
          if (attribute === 'members.value' || attribute === 'members')
            return members.some((mm) => mm.groupId === g.id && mm.userId === value);
          throw new ScimError(400, 'invalidFilter', `Groups cannot be filtered by ${attribute}`);
        }),
      );
      const page = listResponse(matches, paging);
      const resources = [];
      for (const g of page.Resources) resources.push(this.toResource(g, await this.memberList(m, g.id), withMembers));
      return { ...page, Resources: resources };
    });
  }

  get(id: string) {
    return this.db.read(async (m) => this.toResource(await this.find(m, id), await this.memberList(m, id)));
  }

  async create(actor: Actor, body: unknown) {
    const input = readGroupResource(body);
    const id = await this.db.write(async (m) => {
      await this.assertNameFree(m, input.displayName);
      const now = nowIso();
      const group: ScimGroupEntity = {
        id: randomUUID(),
        displayName: input.displayName,
        externalId: input.externalId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.insert(ScimGroupEntity, group);
      await this.save(m, actor, group, { displayName: group.displayName, externalId: null, members: [] }, input, true);
      return group.id;
    });
    return this.get(id);
  }

  async replace(actor: Actor, id: string, body: unknown) {
    const input = readGroupResource(body);
    await this.db.write(async (m) => {
      const group = await this.find(m, id);
      await this.save(m, actor, group, await this.stateOf(m, group), input);
    });
    return this.get(id);
  }

  /** Okta: add/remove with `members[value eq "…"]`, replace with a value object; Entra ID: Add/Remove `members` with a value list. */
  async patch(actor: Actor, id: string, body: unknown) {
    const ops = readPatch(body);
    await this.db.write(async (m) => {
      const group = await this.find(m, id);
      const before = await this.stateOf(m, group);
      await this.save(m, actor, group, before, applyGroupPatch(before, ops));
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.write(async (m) => {
      const group = await this.find(m, id);
      const before = await this.stateOf(m, group);
      await m.delete(ScimGroupEntity, { id });
      await recordAudit(m, actor, 'scimGroup', id, 'delete', before, null);
      if (this.roleMap.has(group.displayName)) await this.updateRoles(m, actor, before.members);
    });
  }

  /** A user the provider removed leaves every group (roles follow). */
  async removeMemberEverywhere(m: EntityManager, actor: Actor, userId: string): Promise<void> {
    const memberships = await m.findBy(ScimGroupMemberEntity, { userId });
    for (const { groupId } of memberships) {
      const group = await this.find(m, groupId);
      const before = await this.stateOf(m, group);
      await this.save(m, actor, group, before, { ...before, members: before.members.filter((u) => u !== userId) });
    }
  }

  private async save(
    m: EntityManager,
    actor: Actor,
    group: ScimGroupEntity,
    before: GroupState,
    after: GroupState,
    created = false,
  ): Promise<void> {
    if (after.displayName !== before.displayName) await this.assertNameFree(m, after.displayName);
    const members = [...new Set(after.members)];
    const known = members.length ? await m.findBy(UserEntity, { id: In(members) }) : [];
    const removed = new Set(
      (await m.findBy(ScimUserEntity, { userId: In(members.length ? members : ['']) }))
        .filter((s) => s.removedAt)
        .map((s) => s.userId),
    );
    const unknown = members.filter((u) => !known.some((k) => k.id === u) || removed.has(u));
    if (unknown.length) throw new ScimError(400, 'invalidValue', `No such user: ${unknown.join(', ')}`);
    const next = { ...after, members: members.sort() };
    const prev = { ...before, members: [...before.members].sort() };
    if (!created && JSON.stringify(next) === JSON.stringify(prev)) return;
    if (!created) {
      await m.update(
        ScimGroupEntity,
        { id: group.id },
        { displayName: next.displayName, externalId: next.externalId, version: group.version + 1, updatedAt: nowIso() },
      );
    }
    const added = next.members.filter((u) => !prev.members.includes(u));
    const left = prev.members.filter((u) => !next.members.includes(u));
    if (left.length) await m.delete(ScimGroupMemberEntity, { groupId: group.id, userId: In(left) });
    for (const userId of added) await m.insert(ScimGroupMemberEntity, { groupId: group.id, userId });
    await recordAudit(m, actor, 'scimGroup', group.id, created ? 'create' : 'update', created ? null : prev, next);
    // Roles follow mapped groups: everyone who joined or left one, or everyone in a group renamed into or out of the map.
    const mappedBefore = this.roleMap.has(prev.displayName);
    const mappedAfter = this.roleMap.has(next.displayName);
    const affected =
      mappedBefore !== mappedAfter || prev.displayName !== next.displayName
        ? [...new Set([...prev.members, ...next.members])]
        : mappedAfter
          ? [...added, ...left]
          : [];
    await this.updateRoles(m, actor, affected);
  }

  /** Each user's role from the mapped groups they are in now, or the default role. */
  private async updateRoles(m: EntityManager, actor: Actor, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      const user = await m.findOneBy(UserEntity, { id: userId });
      if (!user) continue;
      const memberships = await m.findBy(ScimGroupMemberEntity, { userId });
      const names = memberships.length
        ? (await m.findBy(ScimGroupEntity, { id: In(memberships.map((g) => g.groupId)) })).map((g) => g.displayName)
        : [];
      const role = roleForGroups(names, this.roleMap) ?? this.defaultRole;
      await changeProvisionedUser(m, actor, user, { role });
    }
  }

  private async find(m: EntityManager, id: string): Promise<ScimGroupEntity> {
    const group = await m.findOneBy(ScimGroupEntity, { id });
    if (!group) throw new ScimError(404, undefined, `Group ${id} not found`);
    return group;
  }

  private async stateOf(m: EntityManager, group: ScimGroupEntity): Promise<GroupState> {
    const members = await m.findBy(ScimGroupMemberEntity, { groupId: group.id });
    return { displayName: group.displayName, externalId: group.externalId, members: members.map((mm) => mm.userId) };
  }

  private async memberList(m: EntityManager, groupId: string) {
    const members = await m.findBy(ScimGroupMemberEntity, { groupId });
    if (!members.length) return [];
    const users = await m.findBy(UserEntity, { id: In(members.map((mm) => mm.userId)) });
    return users.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async assertNameFree(m: EntityManager, displayName: string): Promise<void> {
    const all = await m.find(ScimGroupEntity, { select: { id: true, displayName: true } });
    if (all.some((g) => g.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new ScimError(409, 'uniqueness', `A group named ${displayName} already exists`);
    }
  }
}

function readGroupResource(body: unknown): GroupState {
  const b = (body ?? {}) as Record<string, unknown>;
  const displayName = typeof b.displayName === 'string' ? b.displayName.trim() : '';
  if (!displayName || displayName.length > 255)
    throw new ScimError(400, 'invalidValue', 'displayName is required (at most 255 characters)');
  const externalId = typeof b.externalId === 'string' ? b.externalId.slice(0, 255) : null;
  return { displayName, externalId, members: memberIds(b.members ?? []) };
}

function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    const id = (entry as { value?: unknown })?.value;
    if (typeof id !== 'string') throw new ScimError(400, 'invalidValue', 'Each member needs a value (a user id)');
    return id;
  });
}

function applyGroupPatch(before: GroupState, ops: PatchOperation[]): GroupState {
  const state = { ...before, members: [...before.members] };
  for (const op of ops) {
    const path = (op.path ?? '').toLowerCase();
    const filtered = /^members\[value eq "([^"]+)"\]$/i.exec(op.path ?? '');
    if (!op.path) {
      const value = (op.value ?? {}) as Record<string, unknown>;
      if (typeof value.displayName === 'string') state.displayName = value.displayName.trim();
      if (typeof value.externalId === 'string') state.externalId = value.externalId;
      if (value.members !== undefined) {
        const ids = memberIds(value.members);
        state.members = op.op === 'add' ? [...state.members, ...ids] : ids;
      }
    } else if (path === 'displayname') {
      if (typeof op.value !== 'string' || !op.value.trim())
        throw new ScimError(400, 'invalidValue', 'displayName must be text');
      state.displayName = op.value.trim();
    } else if (path === 'externalid') {
      state.externalId = typeof op.value === 'string' ? op.value : null;
    } else if (path === 'members') {
      if (op.op === 'add') state.members.push(...memberIds(op.value));
      else if (op.op === 'replace') state.members = memberIds(op.value ?? []);
      else if (op.value === undefined) state.members = [];
      else {
        const gone = new Set(memberIds(op.value));
        state.members = state.members.filter((u) => !gone.has(u));
      }
    } else if (filtered && op.op === 'remove') {
      state.members = state.members.filter((u) => u !== filtered[1]);
    } else {
      throw new ScimError(400, 'invalidPath', `Groups cannot be patched at ${op.path}`);
    }
  }
  return state;
}
