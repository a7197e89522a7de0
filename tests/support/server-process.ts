import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ADMIN = { email: 'admin@e2e.local', password: 'e2e admin password 2026' };

export interface ServerProcess {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The server from its TypeScript sources through tsx, as `npm run dev` runs it (no build needed). */
export const FROM_SOURCES = ['--import', 'tsx', 'server/src/main.ts'];
/** The compiled server `npm start` runs (`npm run build server` first; docs/RELIABILITY.md, "Runtime"). */
export const COMPILED = ['--conditions=keyline-compiled', 'server/dist/main.js'];

/**
 * Keyline as a user runs it: a separate Node process with the flags of
 * `npm start` and the built client, from the TypeScript sources unless
 * `entry` is COMPILED, on a fresh SQLite file unless a DATABASE_URL is
 * given. Resolves once /readyz answers.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  entry: string[] = FROM_SOURCES,
): Promise<ServerProcess> {
  // A PORT given in env is used (a test registered its URL somewhere first, e.g. at an OpenID provider).
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyline-e2e-'));
  let log = '';
  // The larger young generation `npm run serve` gives the server (package.json; docs/RELIABILITY.md says why).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeArgs, ...entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'server/tsconfig.json',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'keyline.db')}`,
      CLIENT_DIST: join(ROOT, 'client/dist'),
      KEYLINE_SEED: 'none',
      KEYLINE_ADMIN_EMAIL: ADMIN.email,
      KEYLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += String(d)));
  child.stderr?.on('data', (d) => (log += String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    process: child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
