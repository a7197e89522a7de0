import { describe, expect, it } from 'vitest';
import { parseRoleMap, roleForGroups } from './role-map';

describe('OIDC_ROLE_MAP', () => {
  it('reads group=role pairs, keeping group names as the provider sends them', () => {
    const map = parseRoleMap(' keyline-admins=admin, Product Team=editor ,,');
    expect([...map]).toEqual([
      ['keyline-admins', 'admin'],
      ['Product Team', 'editor'],
    ]);
  });

  it('refuses a pair without a group or with an unknown role', () => {
    expect(() => parseRoleMap('=admin')).toThrow(/not group=role/);
    expect(() => parseRoleMap('product=owner')).toThrow(/'product=owner'/);
    expect(() => parseRoleMap('product')).toThrow();
  });

  it('gives the highest role any group maps to, and nothing when no group is mapped', () => {
    const map = parseRoleMap('viewers=viewer,product=editor,keyline-admins=admin');
    expect(roleForGroups(['product', 'keyline-admins', 'viewers'], map)).toBe('admin');
    expect(roleForGroups(['viewers', 'product'], map)).toBe('editor');
    expect(roleForGroups(['everyone', 'Product'], map)).toBeUndefined();
    expect(roleForGroups([], map)).toBeUndefined();
  });
});
