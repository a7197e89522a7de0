import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteDef } from '../../server/src/http/route';
import { reportFigures } from '../reliability/support/mode';
import { describeEachDatabase } from '../support/databases';
import { listRoutes, routeKey } from '../support/routes';
import { startTestServer, type TestServer } from '../support/test-server';

/** What the caller declares it will send: far more than it ever sends. */
const DECLARED_BYTES = 100 * 1024 * 1024;
/** What it sends before waiting for the answer: broken JSON, and not valid CSV either. */
const SENT = Buffer.from('['.repeat(64 * 1024));
const ANSWER_WITHIN_MS = 5_000;

interface Answer {
  status: number;
  code?: string;
  connection?: string;
  ms: number;
}

/**
 * Declares a 100 MB body, sends its first 64 kB and waits. A server that reads
 * the body before checking the caller cannot answer before the rest arrives,
 * which is never: it shows as status 0 after ANSWER_WITHIN_MS.
 */
function partialUpload(baseUrl: string, route: RouteDef, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(route.path, baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: route.method.toUpperCase(),
      headers: {
        origin: baseUrl,
        'content-type': route.path === '/api/imports' ? 'text/csv' : 'application/json',
        'content-length': String(DECLARED_BYTES),
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, ms: performance.now() - started });
    }, ANSWER_WITHIN_MS);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += String(chunk)));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        let code: string | undefined;
        try {
          code = JSON.parse(text).error?.code;
        } catch {
          code = undefined;
        }
        resolve({
          status: res.statusCode ?? 0,
          code,
          connection: res.headers.connection,
          ms: performance.now() - started,
        });
      });
    });
    req.on('error', () => undefined); // the server closing the unread upload is the point
    req.write(SENT);
  });
}

/**
 * `POST /api/restore` parsed up to 100 MB for anyone
 * holding any `keyline_session` cookie, valid or not. Every route that reads
 * a body above the 100 kB API limit (declared `largeBody` in the route table)
 * must check the caller before reading a byte of it.
 */
describeEachDatabase('large bodies are read only for callers allowed to send them', (kind) => {
  let t: TestServer;
  /** Named here, not taken from the route table, so the test means the same before and after the fix. */
  const restore = { method: 'post', path: '/api/restore' } as RouteDef;
  const imports = { method: 'post', path: '/api/imports' } as RouteDef;
  const largeBodyRoutes = [restore, imports];
  let writeToken: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    writeToken = (await t.admin.post('/api/api-tokens', { name: 'script', scope: 'write' })).body.token;
  });
  afterAll(() => t.stop());

  it('declares restore and imports as the routes that read large bodies', () => {
    const declared = listRoutes(t).filter((r) => r.largeBody);
    expect(declared.map(routeKey).sort()).toEqual(largeBodyRoutes.map(routeKey).sort());
  });

  it('answers a made-up session cookie with 401 before the body arrives, and closes the connection instead of draining it', async () => {
    const answers: Answer[] = [];
    for (const route of largeBodyRoutes) {
      // Several at once: before the fix, each would have buffered and parsed its 100 MB.
      const parallel = await Promise.all(
        Array.from({ length: 6 }, () => partialUpload(t.baseUrl, route, { cookie: 'keyline_session=x' })),
      );
      for (const answer of parallel) {
        expect(answer, routeKey(route)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', connection: 'close' });
        answers.push(answer);
      }
    }
    // The server is still itself.
    expect((await t.viewer.get('/api/auth/me')).status).toBe(200);
    reportFigures(`large-bodies-${kind}`, {
      routes: largeBodyRoutes.length,
      'requests (100 MB declared, 64 kB sent)': answers.length,
      'answered 401 before the body arrived': answers.filter((a) => a.status === 401).length,
      'slowest answer ms': Math.round(Math.max(...answers.map((a) => a.ms))),
    });
  });

  it('refuses, unread, a signed-in caller without the right: a viewer, an editor on restore, an admin’s API token on restore', async () => {
    for (const [route, headers] of [
      [restore, { cookie: t.viewer.sessionCookie }],
      [restore, { cookie: t.editor.sessionCookie }],
      [restore, { authorization: `Bearer ${writeToken}` }],
      [imports, { cookie: t.viewer.sessionCookie }],
    ] as const) {
      const answer = await partialUpload(t.baseUrl, route, headers);
      expect(answer, `${routeKey(route)} ${Object.keys(headers)[0]}`).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
        connection: 'close',
      });
    }
  });

  it('still reads the body for an admin’s session: broken JSON is a 400, not a refusal', async () => {
    const res = await t.admin.request('POST', '/api/restore', {
      rawBody: '[[[',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });
});
