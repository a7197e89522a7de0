import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildBacklogItem, buildObjective, buildTeam } from '../support/factories';
import { captureState } from '../support/state';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const email = () => `user-${randomUUID().slice(0, 8)}@test.local`;

describeEachDatabase('users and teams (admin)', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('invites a user with a chosen password, lists, reads, edits and deletes them', async () => {
    const address = email();
    const created = await t.admin.post('/api/users', {
      email: `  ${address.toUpperCase()} `,
      name: 'Ada',
      role: 'editor',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: address, name: 'Ada', role: 'editor', disabled: false, version: 1 });
    expect(created.body).not.toHaveProperty('generatedPassword');
    expect(created.headers.get('etag')).toBe('"1"');
    expect(JSON.stringify(created.body)).not.toMatch(/hash/i);

    const list = await t.admin.get('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.map((u: any) => u.email)).toEqual(
      expect.arrayContaining([address, 'admin@test.local', 'viewer@test.local']),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/hash|password/i);

    const read = await t.admin.get(`/api/users/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const edited = await t.admin.patch(`/api/users/${created.body.id}`, { name: 'Ada L.', role: 'viewer' }, 1);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Ada L.', role: 'viewer', version: 2 });
    expect(edited.headers.get('etag')).toBe('"2"');

    expect((await t.admin.delete(`/api/users/${created.body.id}`, 2)).status).toBe(204);
    expect((await t.admin.get(`/api/users/${created.body.id}`)).status).toBe(404);
    expect((await t.client().post('/api/auth/login', { email: address, password: PASSWORD })).status).toBe(401);
  });

  it('generates a password when none is given, shows it once, and it signs in', async () => {
    const address = email();
    const created = await t.admin.post('/api/users', { email: address, name: 'Grace', role: 'viewer' });
    expect(created.status).toBe(201);
    const generated: string = created.body.generatedPassword;
    expect(generated).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    // Once: reading the user again never shows it.
    expect((await t.admin.get(`/api/users/${created.body.id}`)).body).not.toHaveProperty('generatedPassword');
    expect(JSON.stringify((await t.admin.get('/api/users')).body)).not.toContain(generated);
    const c = t.client();
    const login = await c.login(address, generated);
    expect(login.body.user.role).toBe('viewer');
    // Two invitations never share a password.
    const other = await t.admin.post('/api/users', { email: email(), name: 'Other', role: 'viewer' });
    expect(other.body.generatedPassword).not.toBe(generated);
  });

  it('refuses a duplicate email, a short or common password, and an admin locking themselves out, changing nothing', async () => {
    const before = await captureState(t.admin);
    const dup = await t.admin.post('/api/users', { email: 'EDITOR@test.local', name: 'Dup', role: 'editor' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE');
    const short = await t.admin.post('/api/users', { email: email(), name: 'S', role: 'editor', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].path).toEqual(['password']);
    const common = await t.admin.post('/api/users', {
      email: email(),
      name: 'C',
      role: 'editor',
      password: 'password1234',
    });
    expect(common.status).toBe(400);
    expect(common.body.error.code).toBe('VALIDATION_FAILED');
    const self = await t.admin.get(`/api/users/${t.users.admin}`);
    expect((await t.admin.patch(`/api/users/${t.users.admin}`, { disabled: true }, self.body.version)).status).toBe(
      409,
    );
    expect((await t.admin.patch(`/api/users/${t.users.admin}`, { role: 'editor' }, self.body.version)).status).toBe(
      409,
    );
    expect((await t.admin.delete(`/api/users/${t.users.admin}`, self.body.version)).status).toBe(409);
    expect(await captureState(t.admin)).toEqual(before);
    expect((await t.admin.get('/api/auth/me')).body.user.role).toBe('admin');
  });

  it('keeps a user who owns objectives (409 IN_USE): disable them instead', async () => {
    const owner = await t.admin.post('/api/users', {
      email: email(),
      name: 'Owner',
      role: 'editor',
      password: PASSWORD,
    });
    await buildObjective(t.editor, { ownerId: owner.body.id });
    const res = await t.admin.delete(`/api/users/${owner.body.id}`, 1);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IN_USE');
    expect((await t.admin.get(`/api/users/${owner.body.id}`)).status).toBe(200);
  });

  it('gives every signed-in user the member directory: names and whether active, never e-mail or role', async () => {
    const created = await t.admin.post('/api/users', {
      email: email(),
      name: 'Grace Owner',
      role: 'viewer',
      password: PASSWORD,
    });
    await t.admin.patch(`/api/users/${created.body.id}`, { disabled: true }, 1);
    const members = await t.viewer.get('/api/members');
    expect(members.status).toBe(200);
    expect(members.body).toEqual(expect.arrayContaining([{ id: created.body.id, name: 'Grace Owner', active: false }]));
    expect(members.body.every((m: any) => Object.keys(m).sort().join() === 'active,id,name')).toBe(true);
    expect(JSON.stringify(members.body)).not.toMatch(/@|hash|role/i);
    const names = members.body.map((m: any) => m.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it('creates, lists, reads, renames and deletes a team', async () => {
    const created = await t.admin.post('/api/teams', { name: '  Payments  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Payments', version: 1 });
    expect((await t.viewer.get('/api/teams')).body.map((x: any) => x.name)).toContain('Payments');
    const read = await t.viewer.get(`/api/teams/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
    const renamed = await t.admin.patch(`/api/teams/${created.body.id}`, { name: 'Payments & Billing' }, 1);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Payments & Billing', version: 2 });
    expect((await t.admin.delete(`/api/teams/${created.body.id}`, 2)).status).toBe(204);
    expect((await t.viewer.get(`/api/teams/${created.body.id}`)).status).toBe(404);
    expect((await t.viewer.get('/api/teams')).body.map((x: any) => x.id)).not.toContain(created.body.id);
  });

  it('refuses a duplicate team name and deleting a team that still has work, changing nothing', async () => {
    const team = await buildTeam(t.admin);
    await buildBacklogItem(t.editor, { teamId: team.id });
    const other = await buildTeam(t.admin);
    const before = await captureState(t.admin);
    const dupCreate = await t.admin.post('/api/teams', { name: team.name });
    expect(dupCreate.status).toBe(409);
    expect(dupCreate.body.error.code).toBe('DUPLICATE');
    const dupRename = await t.admin.patch(`/api/teams/${other.id}`, { name: team.name }, other.version);
    expect(dupRename.status).toBe(409);
    const inUse = await t.admin.delete(`/api/teams/${team.id}`, team.version);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('IN_USE');
    expect(await captureState(t.admin)).toEqual(before);
  });
});
