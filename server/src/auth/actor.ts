import type { Role } from '@keyline/shared';

/** Who is making a request, as services see it (they never see req/res). */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Hash of the session this request came with, so "end my other sessions" can spare it. */
  sessionKey?: string;
  /** How the request authenticated; tokens may not manage tokens. */
  via?: 'session' | 'token' | 'scim';
  /** A read-only API token: it reads as a viewer and writes nothing, not even what viewers may write (comments). */
  readOnly?: true;
}

/** For work the system does on its own (seeding, start-up admin). */
export const SYSTEM_ACTOR: Actor = { id: '', name: 'Keyline', email: '', role: 'admin' };
