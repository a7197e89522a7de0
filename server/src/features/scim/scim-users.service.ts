import { type EntityManager, In } from 'typeorm';
import type { Role } from '@keyline/shared';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { changeProvisionedUser, createProvisionedUser } from '../sso/provisioned-user';
import { UserEntity } from '../users/user.entity';
import { listResponse, parseFilter, readPatch, readPaging, SCIM, ScimError } from './scim-protocol';
import { emailOf, nameOf, patchUser, readUserResource, type ScimUserState } from './scim-user-input';
import { ScimGroupEntity, ScimGroupMemberEntity, ScimUserEntity } from './scim.entities';
import type { ScimGroupService } from './scim-groups.service';

interface UserView {
  user: UserEntity;
  scim: ScimUserEntity | null;
  groups: { id: string; displayName: string }[];
}

/**
 * SCIM /Users over Keyline's users: every user is listed (so a provider can
 * match an account that existed before it), `id` is Keyline's user id,
 * `userName` the provider's (Keyline's e-mail until it sends one).
 */
export class ScimUserService {
  constructor(
    private readonly db: Database,
    private readonly baseUrl: string,
    private readonly defaultRole: Role,
    private readonly groups: ScimGroupService,
  ) {}

  toResource(view: UserView) {
    const { user, scim } = view;
    return {
      schemas: [SCIM.user],
      id: user.id,
      ...(scim?.externalId && { externalId: scim.externalId }),
      userName: scim?.userName ?? user.email,
      name: {
        formatted: user.name,
        ...(scim?.givenName && { givenName: scim.givenName }),
        ...(scim?.familyName && { familyName: scim.familyName }),
      },
      displayName: user.name,
      emails: [{ value: user.email, type: 'work', primary: true }],
      active: !user.disabled,
      groups: view.groups.map((g) => ({
        value: g.id,
        display: g.displayName,
        $ref: `${this.baseUrl}/scim/v2/Groups/${g.id}`,
      })),
      meta: {
        resourceType: 'User',
        created: user.createdAt,
        lastModified: user.updatedAt,
        location: `${this.baseUrl}/scim/v2/Users/${user.id}`,
        version: `W/"${user.version}"`,
      },
    };
  }

  async list(query: { filter?: string; startIndex?: string; count?: string }) {
    const filters = parseFilter(query.filter);
    const paging = readPaging(query);
    const views = await this.db.read((m) => this.views(m));
    const matches = views.filter((view) =>
      filters.every(({ attribute, value }) => {
        const v = value.toLowerCase();
        switch (attribute) {
          case 'username':
            return (view.scim?.userName ?? view.user.email).toLowerCase() === v;
          case 'externalid':
            return view.scim?.externalId === value;
          case 'emails.value':
          case 'emails':
            return view.user.email === v;
          case 'id':
            return view.user.id === value;
          case 'displayname':
            return view.user.name.toLowerCase() === v;
          case 'active':
            return String(!view.user.disabled) === v;
          default:
            throw new ScimError(400, 'invalidFilter', `Users cannot be filtered by ${attribute}`);
        }
      }),
    );
    return listResponse(
      matches.map((view) => this.toResource(view)),
      paging,
    );
  }

  async get(id: string) {
    return this.toResource(await this.db.read((m) => this.view(m, id)));
  }

  /** POST: a new user with the default role (groups give roles), or one the provider removed earlier, back. */
  async create(actor: Actor, body: unknown) {
    const input = readUserResource(body);
    const email = emailOf(input);
    const id = await this.db.write(async (m) => {
      const views = await this.views(m, { includeRemoved: true });
      const existing = views.find(
        (v) =>
          v.user.email === email || (v.scim?.userName ?? v.user.email).toLowerCase() === input.userName.toLowerCase(),
      );
      if (existing && !existing.scim?.removedAt) {
        throw new ScimError(409, 'uniqueness', `A user with userName or e-mail ${input.userName} already exists`);
      }
      if (existing) return this.write(m, actor, existing, input, { revive: true });
      const user = await createProvisionedUser(m, actor, {
        email,
        name: nameOf(input),
        role: this.defaultRole,
        disabled: !input.active,
      });
      await m.insert(ScimUserEntity, scimRow(user.id, input, nowIso()));
      return user.id;
    });
    return this.get(id);
  }

  /** PUT: the whole resource replaces what Keyline keeps. */
  async replace(actor: Actor, id: string, body: unknown) {
    const input = readUserResource(body);
    await this.db.write(async (m) => this.write(m, actor, await this.view(m, id), input));
    return this.get(id);
  }

  async patch(actor: Actor, id: string, body: unknown) {
    const ops = readPatch(body);
    await this.db.write(async (m) => {
      const view = await this.view(m, id);
      const { state, touched } = patchUser(stateOf(view), ops);
      // New name parts without a displayName: the name is rebuilt from the parts.
      if (touched.name && !touched.displayName) state.displayName = null;
      const keepName = !touched.displayName && !touched.name;
      await this.write(m, actor, view, state, { keepName });
    });
    return this.get(id);
  }

  /**
   * DELETE: the account is disabled (sessions and API tokens end), leaves
   * its groups, and SCIM answers 404 for it from now on. It is not deleted:
   * its name stays on the objectives, key results and check-ins it owns.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.write(async (m) => {
      const view = await this.view(m, id);
      await changeProvisionedUser(m, actor, view.user, { disabled: true });
      await this.groups.removeMemberEverywhere(m, actor, id);
      const now = nowIso();
      if (view.scim) await m.update(ScimUserEntity, { userId: id }, { removedAt: now });
      else await m.insert(ScimUserEntity, { ...scimRow(id, stateOf(view), now), removedAt: now });
    });
  }

  private async write(
    m: EntityManager,
    actor: Actor,
    view: UserView,
    input: ScimUserState,
    options: { revive?: boolean; keepName?: boolean } = {},
  ): Promise<string> {
    const { user } = view;
    await changeProvisionedUser(m, actor, user, {
      email: emailOf(input),
      ...(!options.keepName && { name: nameOf(input) }),
      disabled: !input.active,
    });
    const row = scimRow(user.id, input, view.scim?.createdAt ?? nowIso());
    if (view.scim) {
      await m.update(ScimUserEntity, { userId: user.id }, { ...row, ...(options.revive && { removedAt: null }) });
    } else await m.insert(ScimUserEntity, row);
    return user.id;
  }

  private async view(m: EntityManager, id: string): Promise<UserView> {
    const user = await m.findOneBy(UserEntity, { id });
    const scim = user ? await m.findOneBy(ScimUserEntity, { userId: id }) : null;
    if (!user || scim?.removedAt) throw new ScimError(404, undefined, `User ${id} not found`);
    const memberships = await m.findBy(ScimGroupMemberEntity, { userId: id });
    const groups = memberships.length
      ? await m.findBy(ScimGroupEntity, { id: In(memberships.map((g) => g.groupId)) })
      : [];
    return { user, scim, groups: groups.map((g) => ({ id: g.id, displayName: g.displayName })) };
  }

  /** Every user with its SCIM row and groups: organisations have hundreds or thousands of people, not millions. */
  private async views(m: EntityManager, options: { includeRemoved?: boolean } = {}): Promise<UserView[]> {
    const [users, scims, members, groups] = await Promise.all([
      m.find(UserEntity, { order: { createdAt: 'ASC', id: 'ASC' } }),
      m.find(ScimUserEntity),
      m.find(ScimGroupMemberEntity),
      m.find(ScimGroupEntity),
    ]);
    const scimById = new Map(scims.map((s) => [s.userId, s]));
    const groupById = new Map(groups.map((g) => [g.id, g]));
    return users
      .map((user) => ({
        user,
        scim: scimById.get(user.id) ?? null,
        groups: members
          .filter((mm) => mm.userId === user.id)
          .map((mm) => groupById.get(mm.groupId))
          .filter((g): g is ScimGroupEntity => g !== undefined)
          .map((g) => ({ id: g.id, displayName: g.displayName })),
      }))
      .filter((view) => options.includeRemoved || !view.scim?.removedAt);
  }
}

function stateOf(view: UserView): ScimUserState {
  return {
    userName: view.scim?.userName ?? view.user.email,
    displayName: view.user.name,
    givenName: view.scim?.givenName ?? null,
    familyName: view.scim?.familyName ?? null,
    formatted: null,
    email: view.user.email,
    externalId: view.scim?.externalId ?? null,
    active: !view.user.disabled,
  };
}

function scimRow(userId: string, input: ScimUserState, createdAt: string): ScimUserEntity {
  return {
    userId,
    userName: input.userName,
    externalId: input.externalId,
    givenName: input.givenName,
    familyName: input.familyName,
    removedAt: null,
    createdAt,
  };
}
