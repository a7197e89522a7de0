import { ChangePasswordSchema, LoginSchema, SessionUserSchema } from '@keyline/shared';
import { z } from 'zod';
import type { Actor } from './actor';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookies';
import type { LoginService } from './login.service';
import type { SessionService } from './session.service';
import { defineRoute } from '../http/route';

export function authRoutes(login: LoginService, sessions: SessionService) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      access: 'public',
      tag: 'auth',
      summary: 'Sign in; sets the session cookie',
      body: LoginSchema,
      response: z.object({ user: SessionUserSchema }),
      handler: async ({ body, req, res }) => {
        const previous = readSessionCookie(req);
        if (previous) await sessions.destroy(previous);
        const { token, user } = await login.login(body, req.ip ?? 'unknown', req.get('user-agent'));
        setSessionCookie(req, res, token, sessions.absoluteMs);
        return { user };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      access: 'public',
      tag: 'auth',
      summary: 'Sign out; ends the session',
      status: 204,
      handler: async ({ req, res }) => {
        const token = readSessionCookie(req);
        if (token) await sessions.destroy(token);
        clearSessionCookie(req, res);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      access: 'viewer',
      sessionOnly: true,
      tag: 'auth',
      summary: 'Change my password (the current one required); ends my other sessions and my API tokens',
      body: ChangePasswordSchema,
      status: 204,
      handler: ({ actor, body, req }) => login.changePassword(actor, body, req.ip ?? 'unknown'),
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      access: 'viewer',
      tag: 'auth',
      summary: 'The signed-in user',
      response: z.object({ user: SessionUserSchema }),
      handler: async ({ actor }) => ({ user: toSessionUser(actor) }),
    }),
  ];
}

const toSessionUser = (actor: Actor) => ({ id: actor.id, email: actor.email, name: actor.name, role: actor.role });
