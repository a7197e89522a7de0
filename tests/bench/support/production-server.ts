import { spawnSync } from 'node:child_process';
import { COMPILED, ROOT, startServerProcess, type ServerProcess } from '../../support/server-process';

/**
 * Keyline as `npm start` runs it in production, for the benches: the
 * compiled server (built first if its sources changed; the build's stamp
 * makes that a no-op otherwise) with NODE_ENV=production. Outside production
 * every answer is also checked against its response schema
 * (server/src/http/route.ts), a test-time safety net that benches must not
 * measure. `halves` names what to build: the server, or the client too.
 */
export async function startProductionServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  halves: 'server' | 'all' = 'server',
): Promise<ServerProcess> {
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/scripts/build.ts', ...(halves === 'server' ? ['server'] : [])],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error(`the production build failed (exit ${build.status})`);
  return startServerProcess({ NODE_ENV: 'production', ...env }, nodeArgs, COMPILED);
}
