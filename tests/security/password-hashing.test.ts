import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserEntity } from '../../server/src/features/users/user.entity';
import { describeEachDatabase } from '../support/databases';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

const CURRENT = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

/**
 * Argon2id with explicit parameters (OWASP's baseline: 19 MiB, 2 passes, 1
 * lane), and a hash stored with weaker ones is replaced at the next
 * successful sign-in — not at a failed one.
 */
describeEachDatabase('password hashing parameters and upgrade on sign-in', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());
  const stored = (email: string) =>
    t.db.read((m) => m.findOneByOrFail(UserEntity, { email })).then((u) => u.passwordHash);

  it('hashes new passwords with Argon2id at m=19456 KiB, t=2, p=1', async () => {
    expect(await stored('editor@test.local')).toMatch(CURRENT);
  });

  it('re-hashes a weaker stored hash at the next successful sign-in only', async () => {
    const email = `old-${randomUUID().slice(0, 8)}@test.local`;
    const created = await t.admin.post('/api/users', { email, name: 'Old hash', role: 'viewer', password: PASSWORD });
    expect(created.status).toBe(201);
    // As an older release (or a restored backup) may have stored it: Argon2i, 4 MiB, one pass.
    const weak = await hash(PASSWORD, { algorithm: 1, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.db.write((m) => m.update(UserEntity, { email }, { passwordHash: weak }));

    expect((await t.client().post('/api/auth/login', { email, password: 'not the password!' })).status).toBe(401);
    expect(await stored(email)).toBe(weak);

    await t.client().login(email, PASSWORD);
    const upgraded = await stored(email);
    expect(upgraded).toMatch(CURRENT);
    await t.client().login(email, PASSWORD); // the new hash verifies the same password
    expect(await stored(email)).toBe(upgraded); // and is not re-hashed again
  });
});
