import { describe, expect, it } from 'vitest';
import { parseFilter, readPatch, readPaging } from './scim-protocol';
import { emailOf, nameOf, patchUser, readUserResource } from './scim-user-input';

describe('SCIM filters', () => {
  it('reads the equality filters identity providers send', () => {
    expect(parseFilter('userName eq "ana@acme.com"')).toEqual([{ attribute: 'username', value: 'ana@acme.com' }]);
    expect(parseFilter('externalId eq "0a21" and displayName eq "A \\"B\\""')).toEqual([
      { attribute: 'externalid', value: '0a21' },
      { attribute: 'displayname', value: 'A "B"' },
    ]);
    expect(parseFilter('emails[type eq "work"].value eq "a@b.c"')).toEqual([
      { attribute: 'emails.value', value: 'a@b.c' },
    ]);
    expect(parseFilter(undefined)).toEqual([]);
  });

  it('refuses what it does not understand with invalidFilter', () => {
    for (const f of ['userName sw "a"', 'userName eq a', 'userName eq "a" or id eq "b"', 'eq "x"']) {
      expect(() => parseFilter(f), f).toThrow(expect.objectContaining({ status: 400, scimType: 'invalidFilter' }));
    }
  });

  it('pages from a 1-based startIndex with a capped count', () => {
    expect(readPaging({})).toEqual({ start: 1, count: 100 });
    expect(readPaging({ startIndex: '0', count: '5000' })).toEqual({ start: 1, count: 200 });
    expect(readPaging({ startIndex: '11', count: '10' })).toEqual({ start: 11, count: 10 });
  });
});

describe('SCIM users', () => {
  const base = readUserResource({
    userName: 'Ana@Acme.com',
    name: { givenName: 'Ana', familyName: 'Ruiz' },
    emails: [{ value: 'ana.ruiz@acme.com', type: 'work', primary: true }],
  });

  it('takes the primary e-mail and builds the name from its parts', () => {
    expect(emailOf(base)).toBe('ana.ruiz@acme.com');
    expect(nameOf(base)).toBe('Ana Ruiz');
    expect(emailOf({ ...base, email: null })).toBe('ana@acme.com');
    expect(() => emailOf({ ...base, email: null, userName: 'ana' })).toThrow(/by e-mail/);
  });

  it('applies Okta and Entra ID patch shapes, case-insensitively, ignoring attributes Keyline does not keep', () => {
    const ops = readPatch({
      Operations: [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'replace', value: { 'name.familyName': 'Díaz', title: 'PM' } },
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          value: [{ value: 'x' }],
        },
      ],
    });
    const { state, touched } = patchUser(base, ops);
    expect(state).toMatchObject({ active: false, familyName: 'Díaz', givenName: 'Ana' });
    expect(touched).toEqual({ name: true, displayName: false });
  });

  it('refuses a malformed PATCH', () => {
    expect(() => readPatch({})).toThrow(/Operations/);
    expect(() => readPatch({ Operations: [{ op: 'move', path: 'x' }] })).toThrow(/add, replace or remove/);
    expect(() => readPatch({ Operations: [{ op: 'remove' }] })).toThrow(/needs a path/);
    expect(() =>
      patchUser(base, readPatch({ Operations: [{ op: 'replace', path: 'active', value: 'maybe' }] })),
    ).toThrow(/true or false/);
  });
});
