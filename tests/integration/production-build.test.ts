import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { ADMIN, COMPILED, ROOT, startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * The compiled server `npm start` runs (docs/RELIABILITY.md, "Runtime"): the
 * other suites start Keyline from its TypeScript sources, so this is what
 * catches code that runs under tsx but not as tsc output under plain node
 * (an import Node's loader cannot resolve, a decorator that needs metadata).
 * Plain node loads no TypeScript (Node 22's type stripping would still fail
 * on the sources' extensionless imports), so a start proves the output runs.
 */
const build = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/src/scripts/build.ts', ...args, 'server'], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('the production build', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('compiles the server, skips a current build, and runs the demo on plain node', { timeout: 600_000 }, async () => {
    const first = build();
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('build: server is current (server/dist), not rebuilt');

    server = await startServerProcess({ KEYLINE_SEED: 'demo', CLIENT_DIST: '' }, [], COMPILED);
    const api = new ApiClient(server.baseUrl);
    expect((await api.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    const page = await api.get<{ total: number }>('/api/backlog-items?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(214);
  });
});
