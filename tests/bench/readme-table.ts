/*
 * Rewrites the README's performance table from the last bench runs
 * (tests/artifacts/bench/*.json, written by bench:api, bench:load at 10,000
 * and 100,000 items, bench:scoring and the Lighthouse run): every figure
 * against its goal, misses included. A bench not run leaves
 * its rows saying so. Run: npm run bench:readme
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

type Figures = Record<string, number | string | boolean>;
const START = '<!-- perf-table:start -->';
const END = '<!-- perf-table:end -->';

function read(name: string): { at: string; figures: Figures } | undefined {
  const file = `tests/artifacts/bench/${name}.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { at: string; figures: Figures }) : undefined;
}

/** The first figure whose name starts with `prefix`. */
function pick(run: { figures: Figures } | undefined, prefix: string): number | undefined {
  if (!run) return undefined;
  const key = Object.keys(run.figures).find((k) => k.startsWith(prefix));
  const value = key === undefined ? undefined : run.figures[key];
  return typeof value === 'number' ? value : undefined;
}

const fmt = (v: number | undefined, digits = 0) =>
  v === undefined
    ? 'not run'
    : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rows: string[] = [];
function row(what: string, value: number | undefined, shown: string, goal: string, met: (v: number) => boolean) {
  const verdict = value === undefined ? '—' : met(value) ? 'met' : '**missed**';
  rows.push(`| ${what} | ${value === undefined ? 'not run' : shown} | ${goal} | ${verdict} |`);
}

const api = read('api');
const load10 = read('load-10000');
const load100 = read('load-100000');
const scoring = read('scoring');
const lighthouse = read('lighthouse');

const list = pick(api, 'GET /api/backlog-items');
const bareList = pick(api, 'bare Express, the same list');
const hello = pick(api, 'bare Express "hello"');
const me = pick(api, 'GET /api/auth/me');
const krs = pick(api, 'GET /api/key-results');
const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a / b);

row(
  '`GET /api/backlog-items?limit=50` against bare Express sending the same bytes (10 connections)',
  ratio(list, bareList),
  `${fmt(list)} vs ${fmt(bareList)} req/s = ${fmt(ratio(list, bareList), 3)}`,
  '≥ 0.25',
  (v) => v >= 0.25,
);
row(
  'the same list against bare Express "hello"',
  ratio(list, hello),
  fmt(ratio(list, hello), 3),
  '≥ 0.10',
  (v) => v >= 0.1,
);
row(
  '`GET /api/auth/me` against bare Express "hello"',
  ratio(me, hello),
  `${fmt(me)} vs ${fmt(hello)} req/s = ${fmt(ratio(me, hello), 2)}`,
  '≥ 0.5',
  (v) => v >= 0.5,
);
row("`GET /api/key-results` on the demo's 12 KRs", krs, `${fmt(krs)} req/s`, '≥ 2,000 req/s', (v) => v >= 2000);
for (const [items, run, rate, p99] of [
  ['10,000', load10, 1500, 100],
  ['100,000', load100, 1000, 150],
] as const) {
  const rps = pick(run, 'requests/s');
  const readP99 = pick(run, 'read p99 ms');
  row(
    `load mix (8 reads : 2 writes, 50 connections) at ${items} items: answers/s`,
    rps,
    `${fmt(rps)} req/s`,
    `≥ ${rate.toLocaleString('en')} req/s`,
    (v) => v >= rate,
  );
  row(`the same at ${items} items: read p99`, readP99, `${fmt(readP99)} ms`, `< ${p99} ms`, (v) => v < p99);
}
const floor = pick(scoring, 'raw read of the scoring rows');
const settingsRescore = pick(scoring, 'settings change');
const cold = pick(scoring, 'first read, every item scored');
row(
  'whole-backlog re-score at 100,000 items (a settings change, from memory) / raw read of its rows',
  ratio(settingsRescore, floor),
  `${fmt(settingsRescore)} / ${fmt(floor)} ms = ${fmt(ratio(settingsRescore, floor), 2)}×`,
  '≤ 1.5×',
  (v) => v <= 1.5,
);
row(
  'first read after start at 100,000 items (read and score everything) / raw read',
  ratio(cold, floor),
  `${fmt(cold)} / ${fmt(floor)} ms = ${fmt(ratio(cold, floor), 2)}×`,
  '≤ 1.5× (same goal; rare: once per start)',
  (v) => v <= 1.5,
);
const afterEdit = pick(scoring, 'first page by value right after an item edit');
const afterKr = pick(scoring, 'alignment right after a KR edit');
row(
  'first page by value right after an item edit, at 100,000 items',
  afterEdit,
  `${fmt(afterEdit)} ms`,
  'current on the next read',
  () => true,
);
row(
  '`/api/alignment` right after a KR edit with 1,000 linked items',
  afterKr,
  `${fmt(afterKr)} ms`,
  'current on the next read',
  () => true,
);
for (const page of ['sign-in', 'backlog'] as const) {
  const perf = pick(lighthouse, `${page} performance`);
  const a11y = pick(lighthouse, `${page} accessibility`);
  const bp = pick(lighthouse, `${page} best practices`);
  row(`Lighthouse 13 (mobile) ${page}: performance`, perf, fmt(perf, 2), '≥ 0.95', (v) => v >= 0.95);
  row(`Lighthouse ${page}: accessibility`, a11y, fmt(a11y, 2), '1.0', (v) => v >= 1);
  row(`Lighthouse ${page}: best practices`, bp, fmt(bp, 2), '≥ 0.95', (v) => v >= 0.95);
}

const runs = [api, load10, load100, scoring, lighthouse].filter((r) => r !== undefined);
/** Each run's load average (the machine is shared): the figures mean little when it was far above 2. */
const loads = (
  [
    ['bench:api', api],
    ['bench:load 10,000', load10],
    ['bench:load 100,000', load100],
    ['bench:scoring', scoring],
    ['Lighthouse', lighthouse],
  ] as const
)
  .map(([name, run]) => {
    const key = run && Object.keys(run.figures).find((k) => k.startsWith('load average'));
    return key ? `${name} ${String(run.figures[key])}` : undefined;
  })
  .filter((text) => text !== undefined);
const dates = runs.map((r) => r.at.slice(0, 10));
const table = [
  START,
  `Figures from the last bench runs (${[...new Set(dates)].join(', ') || 'none yet'}) on this 2-core machine, shared with other work; each ratio is within one run.`,
  '',
  '| what | measured | goal | |',
  '|---|---|---|---|',
  ...rows,
  '',
  `Load average (2 cores) during the runs: ${loads.join('; ') || 'not recorded'}.`,
  END,
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} section`);
writeFileSync('README.md', readme.slice(0, start) + table + readme.slice(end + END.length));
console.log(table);
