import { CreateTeamSchema, TeamSchema, UpdateTeamSchema } from '@keyline/shared';
import { z } from 'zod';
import { defineRoute, IdParamsSchema } from '../../http/route';
import type { TeamService } from './team.service';

export function teamRoutes(teams: TeamService) {
  const tag = 'teams';
  return [
    defineRoute({
      method: 'get',
      path: '/api/teams',
      access: 'viewer',
      tag,
      summary: 'List teams',
      response: z.array(TeamSchema),
      handler: () => teams.list(),
    }),
    defineRoute({
      method: 'post',
      path: '/api/teams',
      access: 'admin',
      tag,
      summary: 'Create a team',
      body: CreateTeamSchema,
      response: TeamSchema,
      status: 201,
      handler: ({ actor, body }) => teams.create(actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/teams/:id',
      access: 'viewer',
      tag,
      summary: 'Read a team',
      params: IdParamsSchema,
      response: TeamSchema,
      handler: ({ params }) => teams.get(params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/teams/:id',
      access: 'admin',
      tag,
      summary: 'Rename a team',
      params: IdParamsSchema,
      body: UpdateTeamSchema,
      ifMatch: true,
      response: TeamSchema,
      handler: ({ actor, params, body, ifMatch }) => teams.update(actor, params.id, ifMatch, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/teams/:id',
      access: 'admin',
      tag,
      summary: 'Delete a team with no objectives or items',
      params: IdParamsSchema,
      ifMatch: true,
      status: 204,
      handler: ({ actor, params, ifMatch }) => teams.remove(actor, params.id, ifMatch),
    }),
  ];
}
