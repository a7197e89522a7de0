import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * SCIM 2.0 as Okta and Entra ID drive it: the request sequences their
 * public documentation shows for assigning, updating, deactivating and
 * removing a user and for pushing groups, replayed over HTTP.
 */
describeEachDatabase('SCIM provisioning', (kind) => {
  let t: TestServer;
  let scim: (method: string, path: string, body?: unknown) => Promise<ApiResponse<any>>;
  const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
  const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
  const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

  beforeAll(async () => {
    t = await startTestServer(kind, { OIDC_ROLE_MAP: 'keyline-admins=admin,Product=editor' });
    const token = (await t.admin.post('/api/sso/scim-tokens', { name: 'Okta provisioning' })).body.token as string;
    const api = new ApiClient(t.baseUrl);
    scim = (method, path, body) =>
      api.request(method, `/scim/v2${path}`, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        ...(body !== undefined && { rawBody: JSON.stringify(body) }),
      });
  });
  afterAll(() => t?.stop());

  const auditBy = async (entityId: string) =>
    (await t.admin.get(`/api/audit-events?entity=user&entityId=${entityId}`)).body.items as {
      action: string;
      actorName: string;
      actorId: string | null;
    }[];

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas, and refuses any other credential', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    expect((await scim('GET', '/ResourceTypes')).body.Resources.map((r: { id: string }) => r.id)).toEqual([
      'User',
      'Group',
    ]);
    expect((await scim('GET', '/Schemas')).body.Resources.map((r: { id: string }) => r.id)).toEqual([USER, GROUP]);
    // The admin's own session is not a SCIM credential.
    const withCookie = await t.admin.get('/scim/v2/Users');
    expect(withCookie.status).toBe(401);
    expect(withCookie.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  });

  it('Okta: assigns, updates with PUT, deactivates with PATCH (session and API token end at once), and reactivates', async () => {
    // Okta looks the user up first, then creates them.
    const lookup = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "test.user@okta.local"')}&startIndex=1&count=100`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await scim('POST', '/Users', {
      schemas: [USER],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`http://localhost:3000/scim/v2/Users/${created.body.id}`);
    expect(created.body).toMatchObject({
      userName: 'test.user@okta.local',
      active: true,
      externalId: '00ujl29u0le5T6Aj10h7',
    });
    const id = created.body.id as string;
    const keyline = (await t.admin.get(`/api/users/${id}`)).body;
    expect(keyline).toMatchObject({
      email: 'test.user@okta.local',
      name: 'Test User',
      role: 'viewer',
      disabled: false,
    });
    expect((await scim('POST', '/Users', { schemas: [USER], userName: 'TEST.user@okta.local' })).status).toBe(409);

    // Profile update: Okta GETs the user, then PUTs the whole resource.
    expect((await scim('GET', `/Users/${id}`)).body.name).toMatchObject({ givenName: 'Test', familyName: 'User' });
    const put = await scim('PUT', `/Users/${id}`, {
      schemas: [USER],
      id,
      userName: 'test.user@okta.local',
      name: { givenName: 'Tess', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Tess User',
      active: true,
      groups: [],
    });
    expect(put.status).toBe(200);
    expect((await t.admin.get(`/api/users/${id}`)).body.name).toBe('Tess User');

    // The user signs in and makes an API token; then Okta deactivates them.
    await t.admin.patch(
      `/api/users/${id}`,
      { password: 'a long enough password 1' },
      (await t.admin.get(`/api/users/${id}`)).body.version,
    );
    await t.admin.patch(`/api/users/${id}`, { role: 'editor' }, (await t.admin.get(`/api/users/${id}`)).body.version);
    const session = t.client();
    await session.login('test.user@okta.local', 'a long enough password 1');
    const apiToken = (await session.post('/api/api-tokens', { name: 'script', scope: 'write' })).body.token;
    const bearer = { authorization: `Bearer ${apiToken}` };
    expect((await t.client().get('/api/auth/me', bearer)).status).toBe(200);
    const deactivated = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await t.client().get('/api/auth/me', bearer)).status).toBe(401);
    const tokens = (await t.admin.get('/api/api-tokens')).body.filter((k: { userId: string }) => k.userId === id);
    expect(tokens.every((k: { revokedAt: string | null }) => k.revokedAt !== null)).toBe(true);

    const reactivated = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(reactivated.body.active).toBe(true);
    const trail = await auditBy(id);
    expect(trail.filter((e) => e.actorName === 'Okta provisioning').map((e) => e.action)).toEqual([
      'update',
      'update',
      'update',
      'create',
    ]);
    expect(trail.filter((e) => e.actorName === 'Okta provisioning').every((e) => e.actorId === null)).toBe(true);
  });

  it('Entra ID: creates with the enterprise extension, PATCHes attributes, disables with "False", deletes', async () => {
    const userName = 'Test_User_ab6490ee@testuser.com';
    const empty = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    expect(empty.body.totalResults).toBe(0);
    const created = await scim('POST', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '1', department: 'Product' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.admin.get(`/api/users/${id}`)).body).toMatchObject({
      email: 'test_user_fd0ea19b@testuser.com',
      name: 'givenName familyName',
    });
    // Entra ID finds users by userName and by externalId.
    const byName = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(byName.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
    const byExternal = await scim(
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`,
    );
    expect(byExternal.body.totalResults).toBe(1);

    const patched = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@testuser.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          value: [{ $ref: null, value: '2819c223-7f76-453a-919d-ab1234567891' }],
        },
      ],
    });
    expect(patched.status).toBe(200);
    expect((await t.admin.get(`/api/users/${id}`)).body).toMatchObject({
      email: 'updatedemail@testuser.com',
      name: 'givenName updatedFamilyName',
    });
    const renamed = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'userName', value: '5b50642d@testuser.com' }],
    });
    expect(renamed.body.userName).toBe('5b50642d@testuser.com');

    const session = t.client();
    const { SESSION_COOKIE } = await import('../../server/src/auth/cookies');
    session.useSessionCookie(`${SESSION_COOKIE}=${await t.services.sessions.create(id, 'test')}`);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const disabled = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(disabled.body.active).toBe(false);
    expect((await session.get('/api/auth/me')).status).toBe(401);

    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${id}`)).status).toBe(404);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "5b50642d@testuser.com"')}`)).body
        .totalResults,
    ).toBe(0);
    // Kept in Keyline, disabled, as the owner of what they did.
    expect((await t.admin.get(`/api/users/${id}`)).body.disabled).toBe(true);
  });

  it('groups give roles through OIDC_ROLE_MAP: Entra ID adds and removes members, Okta renames and deletes', async () => {
    const member = (
      await scim('POST', '/Users', { schemas: [USER], userName: 'pm@acme.test', displayName: 'Pat Manager' })
    ).body.id as string;
    // Entra ID: create the group without members, then PATCH them in.
    const group = await scim('POST', '/Groups', {
      schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Product',
      meta: { resourceType: 'Group' },
    });
    expect(group.status).toBe(201);
    const gid = group.body.id as string;
    const found = await scim(
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Product"')}`,
    );
    expect(found.body.Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
    await scim('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: member }] }],
    });
    expect((await t.admin.get(`/api/users/${member}`)).body.role).toBe('editor');
    expect((await scim('GET', `/Users/${member}`)).body.groups).toEqual([
      expect.objectContaining({ value: gid, display: 'Product' }),
    ]);

    // Okta: rename the group into the admins' name (replace without a path), then remove the member by filter.
    await scim('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id: gid, displayName: 'keyline-admins' } }],
    });
    expect((await t.admin.get(`/api/users/${member}`)).body.role).toBe('admin');
    await scim('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${member}"]` }],
    });
    expect((await t.admin.get(`/api/users/${member}`)).body.role).toBe('viewer');

    // Entra ID's remove form: path members with a value list; then the group goes.
    await scim('PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: member }] }],
    });
    expect((await t.admin.get(`/api/users/${member}`)).body.role).toBe('admin');
    expect((await scim('DELETE', `/Groups/${gid}`)).status).toBe(204);
    expect((await t.admin.get(`/api/users/${member}`)).body.role).toBe('viewer');
    const groupTrail = (await t.admin.get(`/api/audit-events?entity=scimGroup&entityId=${gid}`)).body.items;
    expect(groupTrail.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'update',
      'update',
      'update',
      'update',
      'create',
    ]);
    expect(groupTrail.every((e: { actorName: string }) => e.actorName === 'Okta provisioning')).toBe(true);
  });

  it('answers 404 for an id that is no Keyline id, whatever it holds (a NUL, text, a long string)', async () => {
    for (const id of ['%00', 'x%00y', 'not-an-id', '%E5%AC%80%00', 'a'.repeat(100)]) {
      for (const [resource, method, body] of [
        ['Users', 'GET', undefined],
        ['Users', 'PUT', { schemas: [USER], userName: 'nobody@test.local' }],
        ['Users', 'PATCH', { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] }],
        ['Users', 'DELETE', undefined],
        ['Groups', 'GET', undefined],
        ['Groups', 'PUT', { schemas: [GROUP], displayName: 'Nobody' }],
        ['Groups', 'PATCH', { schemas: [PATCH], Operations: [{ op: 'replace', value: { displayName: 'Nobody' } }] }],
        ['Groups', 'DELETE', undefined],
      ] as const) {
        const res = await scim(method, `/${resource}/${id}`, body);
        expect(res.status, `${method} /${resource}/${id}: ${JSON.stringify(res.body)}`).toBe(404);
        expect(res.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      }
    }
  });

  it('answers bad requests with SCIM errors and changes nothing; a revoked token stops working', async () => {
    const before = (await t.admin.get('/api/users')).body.length;
    const bad = await scim('POST', '/Users', { schemas: [USER], userName: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect((await scim('GET', `/Users?filter=${encodeURIComponent('userName sw "a"')}`)).body.scimType).toBe(
      'invalidFilter',
    );
    expect((await scim('PATCH', `/Users/${t.users.viewer}`, { Operations: [{ op: 'move' }] })).status).toBe(400);
    expect((await scim('GET', '/Users/not-a-user')).status).toBe(404);
    expect((await t.admin.get('/api/users')).body.length).toBe(before);

    const tokens = (await t.admin.get('/api/sso/scim-tokens')).body;
    expect(tokens[0]).not.toHaveProperty('token');
    expect((await t.admin.delete(`/api/sso/scim-tokens/${tokens[0].id}`)).status).toBe(204);
    expect((await scim('GET', '/Users')).status).toBe(401);
  });
});
