/*
 * Lighthouse 13 (default mobile config) on the sign-in page and, signed in,
 * on the backlog, against Keyline as `npm start` runs it (the production
 * build, compiled server, NODE_ENV=production) on demo data.
 * Lighthouse 13 needs Node 22: it runs from the npm `node@22` package through
 * npx, with Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default).
 *
 * Prints performance / accessibility / best practices per page with the
 * audits that cost points, writes the reports to tests/artifacts/lighthouse/
 * and the scores to tests/artifacts/bench/lighthouse.json (read by
 * `npm run bench:readme`). Exits non-zero only when a page's accessibility
 * is below 1.0: performance on a shared machine is a figure, not a gate.
 * Run: npm run bench:lighthouse (builds first when the sources changed).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { ADMIN, ROOT } from '../support/server-process';
import { startProductionServer } from './support/production-server';

const LIGHTHOUSE = process.env.LIGHTHOUSE_PACKAGE ?? 'lighthouse@13';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const REPORTS = join(ROOT, 'tests/artifacts/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}
interface Report {
  categories: Record<
    (typeof CATEGORIES)[number],
    { score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<string, Audit>;
  runtimeError?: { code: string; message: string };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function lighthouse(name: string, url: string, headers: Record<string, string>): Promise<Report> {
  mkdirSync(REPORTS, { recursive: true });
  const reportPath = join(REPORTS, `${name}.report.json`);
  rmSync(reportPath, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'keyline-lighthouse-'));
  const chromeFlags = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
  ].join(' ');
  const args = [
    '-y',
    '-p',
    'node@22',
    '-p',
    LIGHTHOUSE,
    '--',
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${reportPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${chromeFlags}`,
  ];
  if (Object.keys(headers).length > 0) args.push(`--extra-headers=${JSON.stringify(headers)}`);
  try {
    const { code, output } = await run('npx', args, { ...process.env, CHROME_PATH });
    if (code !== 0 || !existsSync(reportPath))
      throw new Error(`Lighthouse failed on ${url} (exit ${code}):\n${output}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  if (report.runtimeError)
    throw new Error(`Lighthouse on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  return report;
}

/**
 * Lighthouse now and then fails to record its trace on a busy machine
 * (NO_NAVSTART, NO_FCP): such a run measured nothing, so it is run again.
 */
async function withRetries<T>(attempt: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= times) throw error;
      console.warn(
        `Lighthouse run ${i} of ${times} failed, trying again: ${(error as Error).message.split('\n').at(-1)}`,
      );
    }
  }
}

/** The audits of a category that did not get full marks, most weighty first. */
function losses(report: Report, category: (typeof CATEGORIES)[number]): string[] {
  return report.categories[category].auditRefs
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .sort((a, b) => b.ref.weight - a.ref.weight)
    .map(({ audit, ref }) => {
      const shown = audit?.displayValue ? ` (${audit.displayValue})` : '';
      return `    ${audit?.id}: ${audit?.title}${shown}, score ${audit?.score}, weight ${ref.weight}`;
    });
}

async function main() {
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startProductionServer({ KEYLINE_SEED: 'demo' }, [], 'all');
  const figures: Record<string, number | string> = {};
  let accessible = true;
  try {
    const client = new ApiClient(server.baseUrl);
    const login = await client.login(ADMIN.email, ADMIN.password);
    if (!client.sessionCookie) throw new Error(`sign-in for the backlog run failed: ${JSON.stringify(login)}`);
    const pages: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: 'sign-in', url: `${server.baseUrl}/`, headers: {} },
      { name: 'backlog', url: `${server.baseUrl}/backlog`, headers: { Cookie: client.sessionCookie } },
    ];
    for (const page of pages) {
      const report = await withRetries(() => lighthouse(page.name, page.url, page.headers));
      console.log(`${page.name} (${page.url})`);
      for (const category of CATEGORIES) {
        const score = report.categories[category].score ?? 0;
        const label = category.replace('-', ' ');
        figures[`${page.name} ${label}`] = score;
        console.log(`  ${label.padEnd(15)} ${score.toFixed(2)}`);
        for (const line of losses(report, category)) console.log(line);
        if (category === 'accessibility' && score < 1) accessible = false;
      }
      for (const metric of [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
      ]) {
        const audit = report.audits[metric];
        if (audit?.numericValue !== undefined)
          figures[`${page.name} ${metric}`] = Number(audit.numericValue.toFixed(3));
        if (audit) console.log(`  ${metric.padEnd(26)} ${audit.displayValue ?? ''}`);
      }
    }
  } finally {
    await server.stop();
  }
  figures['load average before / after'] = `${loadBefore.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)}`;
  mkdirSync(join(ROOT, 'tests/artifacts/bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'tests/artifacts/bench/lighthouse.json'),
    JSON.stringify({ at: new Date().toISOString(), figures }, null, 2),
  );
  console.log(`load average before / after: ${figures['load average before / after']}`);
  if (!accessible) {
    console.error('Accessibility is below 1.0 on at least one page: see the audits listed above.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
