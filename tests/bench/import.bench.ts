/*
 * Import benchmark: `npm run bench:import` (add BENCH_DATABASE_URL=postgres://...
 * to measure PostgreSQL too). Starts the real app over HTTP on a fresh
 * database, uploads a 10,000-row Jira-style export and prints how long each
 * step takes: preview, apply (10,000 creates), the same file again (10,000
 * unchanged), and an edited file (10,000 updates). Not a timed test: the
 * figures go in docs/IMPORT.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../../server/src/app';
import { SYSTEM_ACTOR } from '../../server/src/auth/actor';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/schema';
import { ApiClient } from '../support/api-client';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const PASSWORD = 'benchmark password 2026';

const TYPES = ['Story', 'Bug', 'Task', 'Spike', 'Technical Debt', 'Epic'];
const STATUSES = ['Backlog', 'To Do', 'In Progress', 'In Review', 'Done', 'Selected for Development'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A Jira Cloud-style export: quoted multi-line descriptions, repeated Labels, story points, Jira dates. */
function jiraExport(rows: number, pointsOffset = 0): string {
  const header =
    'Summary,Issue key,Issue id,Issue Type,Status,Priority,Created,Labels,Labels,Description,Sprint,Custom field (Story Points)';
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    const created = `${String((i % 28) + 1).padStart(2, '0')}/${MONTHS[i % 12]}/24 ${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} ${i % 2 ? 'AM' : 'PM'}`;
    const description = `"As a user I want thing ${i}, so that I can ""finish"" my work.\r\nAcceptance: works on mobile, desktop, and tablet."`;
    const points = i % 7 === 0 ? '' : String(((i + pointsOffset) % 13) + 1);
    lines.push(
      [
        `Backlog item number ${i}, imported`,
        `BENCH-${i}`,
        String(10_000 + i),
        TYPES[i % TYPES.length],
        STATUSES[i % STATUSES.length],
        'Medium',
        created,
        `team-${i % 9}`,
        i % 3 ? 'growth' : '',
        description,
        `Sprint ${i % 20}`,
        points,
      ]
        .map((cell = '') => (cell.startsWith('"') || !/[",\n]/.test(cell) ? cell : `"${cell}"`))
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function bench(kind: 'sqlite' | 'postgres', url: string): Promise<void> {
  let schema: string | undefined;
  let dir: string | undefined;
  if (kind === 'postgres') {
    schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await withPg(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  } else {
    dir = mkdtempSync(join(tmpdir(), 'keyline-bench-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
  }
  const db = await openDatabase(url, { schema });
  await db.migrate();
  const { app, services } = createApp({
    config: loadConfig({ DATABASE_URL: url, KEYLINE_SEED: 'none', LOG_LEVEL: 'silent' }),
    db,
    logger: pino({ level: 'silent' }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await services.users.create(SYSTEM_ACTOR, {
      email: 'bench@bench.local',
      name: 'Bench',
      role: 'admin',
      password: PASSWORD,
    });
    await api.login('bench@bench.local', PASSWORD);

    const file = jiraExport(ROWS);
    const edited = jiraExport(ROWS, 1);
    const load = loadavg()[0]?.toFixed(1);
    console.log(
      `\n${kind}: ${ROWS.toLocaleString('en')} rows, ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(1)} MB (load average ${load} on ${cpus().length} cores)`,
    );
    await step('preview', api, file, 'preview', (b) => b.counts.create === ROWS);
    await step('apply (all new)', api, file, 'apply', (b) => b.counts.create === ROWS);
    await step('apply again (all unchanged)', api, file, 'apply', (b) => b.counts.skip === ROWS);
    await step('apply edited (updates)', api, edited, 'apply', (b) => b.counts.update > ROWS * 0.8);
    const exportStarted = performance.now();
    const exportCpu = process.cpuUsage();
    const exported = await fetch(`${api.baseUrl}/api/exports/backlog.csv`, { headers: { cookie: api.sessionCookie } });
    const csv = await exported.text();
    const spent = process.cpuUsage(exportCpu);
    console.log(
      `  ${'export backlog CSV'.padEnd(30)} ${((performance.now() - exportStarted) / 1000).toFixed(2).padStart(6)} s  (cpu ${((spent.user + spent.system) / 1e6).toFixed(2)} s)   ${(csv.length / 1024 / 1024).toFixed(1)} MB`,
    );
    const total = (await api.get('/api/backlog-items?limit=1')).body.total;
    console.log(`  items in the backlog afterwards: ${total.toLocaleString('en')} (no duplicates: ${total === ROWS})`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (schema) await withPg(url, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
  }
}

async function step(
  name: string,
  api: ApiClient,
  csv: string,
  mode: 'preview' | 'apply',
  ok: (body: any) => boolean,
): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const res = await api.request('POST', `/api/imports?mode=${mode}`, {
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });
  const ms = performance.now() - started;
  // CPU of this process (server and client side): steadier than wall time on a busy machine.
  const cpu = process.cpuUsage(cpuBefore);
  if (res.status !== 200 || !ok(res.body))
    throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  const { create, update, skip } = res.body.counts;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `  ${name.padEnd(30)} ${(ms / 1000).toFixed(2).padStart(6)} s  (cpu ${cpuSeconds.toFixed(2)} s)   create ${create}, update ${update}, skip ${skip}`,
  );
}

async function withPg<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

await bench('sqlite', '');
if (process.env.BENCH_DATABASE_URL) await bench('postgres', process.env.BENCH_DATABASE_URL);
