/*
 * Start time and resident memory of the server, run from TypeScript
 * through tsx (how `npm start` ran it before) and as the compiled
 * JavaScript `npm start` runs now: `npm run bench:startup` (after
 * `npm run build`). Both run on one copy of the demo organisation with the
 * flags of `npm run serve`; the runs alternate so machine load hits both
 * alike. Start time is from spawning the process to the first 200 from
 * /readyz; memory is the resident set of the process tree (the tsx CLI
 * starts the server as a child of its own), right after that 200 and again
 * after a warm-up of WARMUP_ROUNDS (5) rounds of the backlog page,
 * alignment, the dashboard, the cycles and the KRs. Prints the medians of
 * STARTUP_RUNS (5) restarts and writes tests/artifacts/bench/startup.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { ADMIN, freePort, ROOT } from '../support/server-process';
import { medianOf } from './support/timing';

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const WARMUP_ROUNDS = Number(process.env.WARMUP_ROUNDS ?? 5);

interface Runtime {
  name: string;
  args: string[];
}

const RUNTIMES: Runtime[] = [
  {
    name: 'tsx (TypeScript at run time, before)',
    args: [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'server/tsconfig.json', 'server/src/main.ts'],
  },
  { name: 'node on compiled JavaScript (now)', args: ['--conditions=keyline-compiled', 'server/dist/main.js'] },
];

/** Resident set of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid: number): number {
  const kb = (p: number): number => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return own + children.reduce((sum, child) => sum + kb(Number(child)), 0);
    } catch {
      return 0;
    }
  };
  return kb(pid) / 1024;
}

interface Sample {
  startMs: number;
  rssAfterStart: number;
  rssAfterWarmup: number;
}

async function measure(runtime: Runtime, databaseUrl: string, seed: 'demo' | 'none'): Promise<Sample> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, runtime.args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: `--max-semi-space-size=64 ${process.env.NODE_OPTIONS ?? ''}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CLIENT_DIST: join(ROOT, 'client/dist'),
      KEYLINE_SEED: seed,
      KEYLINE_ADMIN_EMAIL: ADMIN.email,
      KEYLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += String(d)));
  child.stderr?.on('data', (d) => (log += String(d)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${runtime.name} exited (${child.exitCode}):\n${log}`);
      const ready = await fetch(`${baseUrl}/readyz`).then(
        (res) => res.ok,
        () => false,
      );
      if (ready) break;
      if (performance.now() - started > 120_000) throw new Error(`${runtime.name} not ready:\n${log}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const startMs = performance.now() - started;
    const rssAfterStart = treeRssMb(child.pid!);
    const api = new ApiClient(baseUrl);
    const login = await api.login(ADMIN.email, ADMIN.password);
    if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
    const cycles = await api.get('/api/cycles');
    const active = (cycles.body as { id: string; status: string }[]).find((c) => c.status === 'active');
    if (!active) throw new Error('no active quarter: is the demo seeded?');
    const paths = [
      '/api/backlog-items?limit=50',
      '/api/alignment',
      '/api/dashboard',
      '/api/cycles',
      `/api/key-results?cycleId=${active.id}`,
    ];
    for (let round = 0; round < WARMUP_ROUNDS; round++) {
      for (const path of paths) {
        const res = await api.get(path);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      }
    }
    return { startMs, rssAfterStart, rssAfterWarmup: treeRssMb(child.pid!) };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

if (!existsSync(join(ROOT, 'server/dist/main.js'))) {
  console.error('server/dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'keyline-startup-bench-'));
try {
  const figures: Record<string, Record<string, number>> = {};
  const firstStarts: Record<string, number> = {};
  for (const runtime of RUNTIMES) {
    // A first start: migrations on an empty file and the demo seed.
    firstStarts[runtime.name] = (
      await measure(runtime, `sqlite:${join(dir, `${RUNTIMES.indexOf(runtime)}.db`)}`, 'demo')
    ).startMs;
  }
  const samples = new Map<string, Sample[]>(RUNTIMES.map((r) => [r.name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const runtime of RUNTIMES) {
      // Restarts on the seeded demo: what a restart of `npm start` costs once the build is current.
      const sample = await measure(runtime, `sqlite:${join(dir, `${RUNTIMES.indexOf(runtime)}.db`)}`, 'none');
      samples.get(runtime.name)!.push(sample);
    }
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)}, medians of ${RUNS} restarts on the demo data`);
  console.log(
    `${'runtime'.padEnd(40)} ${'first start'.padStart(12)} ${'restart'.padStart(9)} ${'RSS start'.padStart(10)} ${'RSS warm'.padStart(9)}`,
  );
  for (const runtime of RUNTIMES) {
    const s = samples.get(runtime.name)!;
    const row = {
      'first start with demo seed (ms)': firstStarts[runtime.name]!,
      'restart to first 200 from /readyz (ms)': medianOf(s.map((x) => x.startMs)),
      'RSS after start (MB)': medianOf(s.map((x) => x.rssAfterStart)),
      'RSS after warm-up (MB)': medianOf(s.map((x) => x.rssAfterWarmup)),
    };
    figures[runtime.name] = row;
    const [first, restart, rssStart, rssWarm] = Object.values(row).map((v) => Math.round(v));
    console.log(
      `${runtime.name.padEnd(40)} ${`${first} ms`.padStart(12)} ${`${restart} ms`.padStart(9)} ${`${rssStart} MB`.padStart(10)} ${`${rssWarm} MB`.padStart(9)}`,
    );
  }
  mkdirSync(join(ROOT, 'tests/artifacts/bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'tests/artifacts/bench/startup.json'),
    JSON.stringify({ at: new Date().toISOString(), 'load average': loadavg()[0], runs: RUNS, figures }, null, 2),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
