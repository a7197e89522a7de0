import { CreatedUserSchema, CreateUserSchema, MemberSchema, UpdateUserSchema, UserSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { UserService } from './user.service';

export function userRoutes(users: UserService) {
  const tag = 'users';
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'List users',
      response: z.array(UserSchema),
      handler: () => users.list(),
    }),
    defineRoute({
      method: 'get',
      path: '/api/members',
      access: 'viewer',
      tag,
      summary: 'Members by name, for showing and choosing owners (no e-mail or role)',
      response: z.array(MemberSchema),
      handler: () => users.members(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Invite a user (a password is generated when none is given)',
      body: CreateUserSchema,
      response: CreatedUserSchema,
      status: 201,
      handler: ({ actor, body }) => users.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/users/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Read a user',
      params: IdParamsSchema,
      response: UserSchema,
      handler: ({ params }) => users.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/users/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Change name, role, password, or disable',
      params: IdParamsSchema,
      body: UpdateUserSchema,
      ifMatch: true,
      response: UserSchema,
      handler: ({ actor, params, body, ifMatch }) => users.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/:id',
      access: 'admin',
      sessionOnly: true,
      tag,
      summary: 'Delete a user who owns nothing (disable the others)',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => users.remove(actor, params.id, ifMatch),
    }),
  ];
}
