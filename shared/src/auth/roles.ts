/**
 * Roles and the signed-in user, without zod: the client's first screen
 * imports these through `@keyline/shared/core` and loads no schema code.
 */
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Which roles may do what: a role can do everything the roles after it can. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** The answer of GET /api/auth/me; SessionUserSchema (auth.schemas.ts) validates it on the server. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
