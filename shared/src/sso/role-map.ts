import { ROLE_RANK, RoleSchema, type Role } from '../auth/auth.schemas';

/** `keyline-admins=admin,product=editor` → Map(group → role). Group names compare exactly, as providers send them. */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const group = pair.slice(0, eq).trim();
    const role = RoleSchema.safeParse(pair.slice(eq + 1).trim());
    if (eq <= 0 || !group || !role.success) {
      throw new Error(`'${pair}' is not group=role with role admin, editor or viewer`);
    }
    map.set(group, role.data);
  }
  return map;
}

/** The highest role any of the groups maps to, or undefined when none is mapped. */
export function roleForGroups(groups: readonly string[], roleMap: ReadonlyMap<string, Role>): Role | undefined {
  let best: Role | undefined;
  for (const group of groups) {
    const role = roleMap.get(group);
    if (role && (!best || ROLE_RANK[role] > ROLE_RANK[best])) best = role;
  }
  return best;
}
