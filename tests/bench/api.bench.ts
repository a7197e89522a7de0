/*
 * API throughput against bare Express, each ratio within one run: `npm run bench:api`.
 * Keyline runs as `npm start` runs it (compiled, NODE_ENV=production, a child process, the demo organisation:
 * 300 items, 12 KRs in the active quarter); bare Express runs beside it in a
 * child process of its own, answering "hello" and the very bytes Keyline sent
 * for the backlog page. autocannon drives each for BENCH_SECONDS (10) with
 * BENCH_CONNECTIONS (10). No Accept-Encoding is sent, so both send the same
 * bytes. Writes tests/artifacts/bench/api.json for the README's table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ApiClient } from '../support/api-client';
import { ADMIN, freePort, ROOT } from '../support/server-process';
import { startProductionServer } from './support/production-server';
import { seedScaledDemo } from '../reliability/support/scaled-demo';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function rate(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const dir = mkdtempSync(join(tmpdir(), 'keyline-api-bench-'));
const url = `sqlite:${join(dir, 'keyline.db')}`;
await seedScaledDemo(url, 300);
const keyline = await startProductionServer({ CLIENT_DIST: '', DATABASE_URL: url, LOG_LEVEL: 'warn' });
const barePort = await freePort();
const bodyFile = join(dir, 'page.json');
let bare: ReturnType<typeof spawn> | undefined;
try {
  const api = new ApiClient(keyline.baseUrl);
  await api.login(ADMIN.email, ADMIN.password);
  const cookie = { cookie: api.sessionCookie };
  const page = await fetch(`${keyline.baseUrl}/api/backlog-items?limit=50`, { headers: cookie });
  const bytes = Buffer.from(await page.arrayBuffer());
  writeFileSync(bodyFile, bytes);
  const active = (await api.get('/api/cycles')).body.find((c: { status: string }) => c.status === 'active');
  const krPath = `/api/key-results?cycleId=${active.id}`;
  const krCount = (await api.get(krPath)).body.length;

  bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/support/bare-express.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(barePort), BARE_BODY_FILE: bodyFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => bare?.stdout?.once('data', () => resolve()));
  const bareUrl = `http://127.0.0.1:${barePort}`;

  const hello = await rate(`${bareUrl}/hello`);
  const bareList = await rate(`${bareUrl}/page`);
  const list = await rate(`${keyline.baseUrl}/api/backlog-items?limit=50`, cookie);
  const me = await rate(`${keyline.baseUrl}/api/auth/me`, cookie);
  const krs = await rate(`${keyline.baseUrl}${krPath}`, cookie);

  const figures = {
    connections: CONNECTIONS,
    seconds: SECONDS,
    'load average': loadavg()[0],
    'list page bytes': bytes.length,
    'bare Express "hello" req/s': hello,
    'bare Express, the same list bytes req/s': bareList,
    'GET /api/backlog-items?limit=50 req/s': list,
    'list / bare same bytes (goal ≥ 0.25)': list / bareList,
    'list / bare hello (goal ≥ 0.10)': list / hello,
    'GET /api/auth/me req/s': me,
    'me / bare hello (goal ≥ 0.5)': me / hello,
    [`GET /api/key-results (${krCount} KRs) req/s (goal ≥ 2,000)`]: krs,
  };
  for (const [k, v] of Object.entries(figures))
    console.log(
      `${k.padEnd(48)} ${typeof v === 'number' ? (v < 10 ? v.toFixed(3) : Math.round(v).toLocaleString('en')) : v}`,
    );
  mkdirSync('tests/artifacts/bench', { recursive: true });
  writeFileSync('tests/artifacts/bench/api.json', JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
} finally {
  bare?.kill('SIGTERM');
  await keyline.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  rmSync(keyline.dataDir, { recursive: true, force: true });
}
