import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBacklogItem } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What goes over the wire, read as raw bytes (fetch would decompress
 * silently): compressed JSON and files, cache headers, the favicon, and 404s
 * for files that are not there.
 */

const SCRIPT = `export const hello = ${JSON.stringify('keyline '.repeat(400))};\n`;

/** A build as the client's vite config leaves it: hashed assets with .br/.gz beside them, a favicon. */
function fakeClientDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyline-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body></body></html>',
  );
  const script = join(dir, 'assets/index-AbC123.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 1, 0]));
  return dir;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(baseUrl: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(res: Raw): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

describe('compression, caching and static files', () => {
  let t: TestServer;
  let dist: string;
  let cookie: string;

  beforeAll(async () => {
    dist = fakeClientDist();
    t = await startTestServer('sqlite', { CLIENT_DIST: dist });
    cookie = t.viewer.sessionCookie;
    for (let i = 0; i < 12; i++) await buildBacklogItem(t.editor, { title: `Compressible item ${i}` });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('compresses JSON over 1 kB with brotli, or gzip, as the client accepts', async () => {
    const plain = await raw(t.baseUrl, '/api/backlog-items?limit=50', { cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await raw(t.baseUrl, '/api/backlog-items?limit=50', { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(decode(br))).toEqual(JSON.parse(plain.body.toString('utf8')));

    const gzip = await raw(t.baseUrl, '/api/backlog-items?limit=50', { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(gzip))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('leaves answers under 1 kB uncompressed', async () => {
    const me = await raw(t.baseUrl, '/api/auth/me', { cookie, 'accept-encoding': 'br, gzip' });
    expect(me.status).toBe(200);
    expect(me.body.length).toBeLessThan(1024);
    expect(me.headers['content-encoding']).toBeUndefined();
  });

  it('serves hashed assets precompressed, immutable for a year, with Vary', async () => {
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await raw(t.baseUrl, '/assets/index-AbC123.js', { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(res)).toBe(SCRIPT);
    }
  });

  it('revalidates index.html on every load and answers deep links with it', async () => {
    for (const path of ['/', '/backlog', '/okrs/some/deep/link']) {
      const res = await raw(t.baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decode(res)).toContain('index-AbC123.js');
    }
  });

  it('answers /favicon.ico with the icon, not index.html', async () => {
    const res = await raw(t.baseUrl, '/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/icon/);
    expect([...res.body]).toEqual([0, 0, 1, 0, 1, 0]);
  });

  it('answers 404 for a missing asset or file, never index.html', async () => {
    for (const path of ['/assets/index-Gone99.js', '/assets/missing.css', '/robots.txt', '/apple-touch-icon.png']) {
      const res = await raw(t.baseUrl, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString('utf8')).not.toContain('<!doctype html>');
    }
  });
});
