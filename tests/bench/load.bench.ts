/*
 * Load benchmark: `npm run bench:load`. The load suite's mix (8 reads : 2
 * writes, see tests/reliability/support/load-mix.ts) against the real server
 * process (compiled, NODE_ENV=production, as `npm start` runs it) on the demo data scaled to LOAD_ITEMS backlog items (10,000), with
 * LOAD_CONNECTIONS (50) for LOAD_SECONDS (20). PROFILE_DIR=<dir> starts the
 * server with --cpu-prof and writes its CPU profile there on exit (open it
 * in Chromium's DevTools); SERVER_LOG=<file> keeps the server's output.
 * Prints the figures and writes them to tests/artifacts/bench/load-<items>.json; asserts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiClient } from '../support/api-client';
import { ADMIN } from '../support/server-process';
import { startProductionServer } from './support/production-server';
import { loadFigures, runLoadMix } from '../reliability/support/load-mix';
import { seedScaledDemo } from '../reliability/support/scaled-demo';

const ITEMS = Number(process.env.LOAD_ITEMS ?? 10_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const PROFILE_DIR = process.env.PROFILE_DIR;

const dir = mkdtempSync(join(tmpdir(), 'keyline-load-bench-'));
const url = `sqlite:${join(dir, 'keyline.db')}`;
const seeded = await seedScaledDemo(url, ITEMS);
const profiling = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];
const server = await startProductionServer({ CLIENT_DIST: '', DATABASE_URL: url }, profiling);
try {
  const api = new ApiClient(server.baseUrl);
  await api.login(ADMIN.email, ADMIN.password);
  const before = loadavg()[0]!;
  const run = await runLoadMix(api, { connections: CONNECTIONS, durationS: SECONDS });
  const figures = {
    items: seeded.items,
    connections: CONNECTIONS,
    seconds: SECONDS,
    ...loadFigures(run, ITEMS >= 100_000 ? 150 : 100),
    'load average before / after': `${before.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`,
  };
  for (const [k, v] of Object.entries(figures))
    console.log(`${k.padEnd(36)} ${typeof v === 'number' ? v.toLocaleString('en') : String(v)}`);
  // For the README's table (npm run bench:readme).
  mkdirSync('tests/artifacts/bench', { recursive: true });
  writeFileSync(
    `tests/artifacts/bench/load-${ITEMS}.json`,
    JSON.stringify({ at: new Date().toISOString(), figures }, null, 2),
  );
} finally {
  // SIGTERM, not SIGKILL: the server drains and exits, and --cpu-prof writes its profile on exit.
  await server.stop('SIGTERM');
  if (process.env.SERVER_LOG) writeFileSync(process.env.SERVER_LOG, server.output());
  rmSync(dir, { recursive: true, force: true });
  rmSync(server.dataDir, { recursive: true, force: true });
}
