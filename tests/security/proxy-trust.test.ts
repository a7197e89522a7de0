import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Like } from 'typeorm';
import { LoginAttemptEntity } from '../../server/src/auth/login-attempt.entity';
import { ConfigError, loadConfig } from '../../server/src/config';
import { reportFigures } from '../reliability/support/mode';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/**
 * With `TRUST_PROXY=true` Express believed the
 * left-most `X-Forwarded-For` address, which the client writes: rotating it
 * made 0 of 40 failed sign-ins hit the per-IP limit. TRUST_PROXY now names
 * how many proxies stand in front (a hop count) or which addresses they
 * have, and `true` is refused. And a client address over 64 characters
 * (a forged header) overflowed `login_attempts.ip` on PostgreSQL: every such
 * sign-in answered 500.
 */
const MAX_FAILURES = 2;
const PER_IP = MAX_FAILURES * 5;
const config = (TRUST_PROXY: string) => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', TRUST_PROXY });

describe('TRUST_PROXY', () => {
  it('takes a hop count or a list of proxy addresses, and refuses `true` naming the variable', () => {
    for (const good of [
      'false',
      '0',
      '1',
      '2',
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback, 10.0.0.0/8',
      'fd00::/8,uniquelocal',
    ])
      expect(() => config(good), good).not.toThrow();
    for (const bad of [
      'true',
      'TRUE',
      'yes',
      '-1',
      '1.5',
      '10.0.0.0/33',
      '300.1.1.1',
      'fe80::/129',
      'proxy.example.com',
      '',
    ]) {
      expect(() => config(bad), bad).toThrow(ConfigError);
      expect(() => config(bad), bad).toThrow(/TRUST_PROXY/);
    }
    expect(() => config('true')).toThrow(/hop count|addresses/);
  });
});

describeEachDatabase('client address behind a proxy', (kind) => {
  let hops: TestServer;
  let listed: TestServer;
  beforeAll(async () => {
    const env = { LOGIN_MAX_FAILURES: String(MAX_FAILURES) };
    // One proxy in front (a hop count), and the same proxy named by its address: the test is that proxy.
    hops = await startTestServer(kind, { ...env, TRUST_PROXY: '1' });
    listed = await startTestServer(kind, { ...env, TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => {
    await hops?.stop();
    await listed?.stop();
  });

  for (const which of ['hop count', 'address list'] as const) {
    it(`counts failures against the address the proxy saw, however the client rotates X-Forwarded-For (${which})`, async () => {
      const t = which === 'hop count' ? hops : listed;
      const client = `203.0.113.${which === 'hop count' ? 7 : 8}`;
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        // What the client forged, then what the one trusted proxy appended: the real peer.
        const forwarded = `198.51.100.${i}, ${client}`;
        const res = await t
          .client()
          .post(
            '/api/auth/login',
            { email: `spray-${i}-${randomUUID().slice(0, 6)}@test.local`, password: `wrong ${i}` },
            { 'x-forwarded-for': forwarded },
          );
        statuses.push(res.status);
      }
      const throttled = statuses.filter((s) => s === 429).length;
      reportFigures(`proxy-trust-${kind}-${which.replace(' ', '-')}`, {
        attempts: statuses.length,
        'answered 401': statuses.filter((s) => s === 401).length,
        'answered 429': throttled,
      });
      expect(statuses.slice(0, PER_IP)).toEqual(Array(PER_IP).fill(401));
      expect(throttled).toBe(40 - PER_IP);
      // The rows name the proxy's view of the client, never the forged part.
      const ips = await t.db.read((m) => m.find(LoginAttemptEntity, { where: { email: Like('spray-%') } }));
      expect(new Set(ips.map((r) => r.ip))).toEqual(new Set([client]));
      // Another client behind the same proxy is not affected.
      const other = await t
        .client()
        .post(
          '/api/auth/login',
          { email: 'editor@test.local', password: PASSWORD },
          { 'x-forwarded-for': '203.0.113.99' },
        );
      expect(other.status).toBe(200);
    });
  }

  it('answers a sign-in whose client address is over 64 characters, and stores at most 64 of them', async () => {
    for (const [i, forwarded] of ['a'.repeat(200), `${'f'.repeat(70)}:1`, `x${'y'.repeat(500)}`].entries()) {
      const wrong = await hops
        .client()
        .post(
          '/api/auth/login',
          { email: `long-${i}@test.local`, password: 'not the password' },
          { 'x-forwarded-for': forwarded },
        );
      expectCleanError(wrong, 401, 'INVALID_CREDENTIALS');
    }
    const right = await hops
      .client()
      .post(
        '/api/auth/login',
        { email: 'admin@test.local', password: PASSWORD },
        { 'x-forwarded-for': 'z'.repeat(200) },
      );
    expect(right.status).toBe(200);
    const rows = await hops.db.read((m) => m.find(LoginAttemptEntity));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r.ip.length).toBeLessThanOrEqual(64);
    expect(rows.some((r) => r.ip === 'z'.repeat(64))).toBe(true);
  });
});
