/**
 * The production build behind `npm start` (`npm run build`): the client
 * with Vite, then @keyline/shared and the server with `tsc` into
 * `shared/dist` and `server/dist`, run with plain `node` (docs/RELIABILITY.md,
 * "Runtime").
 *
 * Each target is rebuilt only when its inputs changed: a build writes a
 * stamp (a hash of its sources, the lockfile and the build configuration)
 * into its output folder, and the next run compares. A restart with a
 * current build therefore skips straight to `node`.
 *
 * Usage: npm run build [-- [--force] [client|server]]   (--force: even when current;
 * naming a half builds only that one)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const STAMP = '.keyline-build-stamp';
/** Never part of a target's inputs: outputs, dependencies, tests and their helpers. */
const IGNORED_DIRS = new Set(['node_modules', 'dist']);
const IGNORED_FILE = /\.test\.tsx?$|\.tsbuildinfo$/;

interface Target {
  name: string;
  /** Files and folders whose content decides the output (walked recursively). */
  inputs: string[];
  /** Folder the output and its stamp go to. */
  outDir: string;
  /** A file the build must leave behind; its absence forces a build. */
  entry: string;
  build: () => void;
}

/** Shared by every target: dependency versions and the compiler settings. */
const COMMON_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'server/src/scripts/build.ts'];
const SHARED_INPUTS = ['shared/src', 'shared/package.json', 'shared/tsconfig.json'];

const TARGETS: Target[] = [
  {
    name: 'client',
    inputs: [
      ...SHARED_INPUTS,
      'client/src',
      'client/public',
      'client/index.html',
      'client/package.json',
      'client/tsconfig.json',
      'client/vite.config.ts',
    ],
    outDir: 'client/dist',
    entry: 'client/dist/index.html',
    build: () => run('npm', ['run', 'build', '-w', 'client']),
  },
  {
    name: 'server',
    inputs: [
      ...SHARED_INPUTS,
      'shared/tsconfig.build.json',
      'server/src',
      'server/package.json',
      'server/tsconfig.json',
      'server/tsconfig.build.json',
    ],
    outDir: 'server/dist',
    entry: 'server/dist/main.js',
    build: () => {
      for (const dir of ['shared/dist', 'server/dist']) rmSync(join(ROOT, dir), { recursive: true, force: true });
      run(process.execPath, [tscPath(), '-p', 'shared/tsconfig.build.json']);
      run(process.execPath, [tscPath(), '-p', 'server/tsconfig.build.json']);
      for (const dir of ['shared/dist', 'server/dist']) addImportExtensions(join(ROOT, dir));
    },
  },
];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
}

function tscPath(): string {
  return join(ROOT, 'node_modules/typescript/bin/tsc');
}

/** The files under `path` (relative to `root`), as root-relative paths. */
function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return IGNORED_FILE.test(path) ? [] : [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && IGNORED_DIRS.has(entry.name)))
    .flatMap((entry) => files(root, `${path}/${entry.name}`));
}

/** Hash of every input file's path and bytes, in a stable order. */
export function stampOf(root: string, inputs: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...new Set(inputs.flatMap((input) => files(root, input)))].sort()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * The sources import each other without extensions (`./app`), which the
 * bundler resolution of the typecheck, tsx, Vite and Vitest all accept but
 * Node's ES module loader does not. tsc keeps specifiers as written, so the
 * compiled files get `.js` (or `/index.js`) appended here, checked against
 * the files tsc wrote. A specifier that matches no file stops the build.
 */
export function addImportExtensions(dir: string): void {
  const specifier = /((?:\bfrom|\bimport)\s*\(?\s*)(['"])(\.\.?\/[^'"]*)\2/g;
  for (const file of files(dir, '.').filter((f) => f.endsWith('.js'))) {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    const rewritten = source.replace(specifier, (match, prefix: string, quote: string, spec: string) => {
      if (/\.(c|m)?js$|\.json$/.test(spec)) return match;
      const base = resolve(dirname(path), spec);
      const target = existsSync(`${base}.js`)
        ? `${spec}.js`
        : existsSync(join(base, 'index.js'))
          ? `${spec}/index.js`
          : null;
      if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
      return `${prefix}${quote}${target}${quote}`;
    });
    if (rewritten !== source) writeFileSync(path, rewritten);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const named = args.filter((arg) => !arg.startsWith('--'));
  const unknown = named.filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length > 0) throw new Error(`unknown build target: ${unknown.join(', ')}`);
  for (const target of TARGETS.filter((t) => named.length === 0 || named.includes(t.name))) {
    const stampFile = join(ROOT, target.outDir, STAMP);
    const stamp = stampOf(ROOT, [...COMMON_INPUTS, ...target.inputs]);
    const current =
      !force &&
      existsSync(join(ROOT, target.entry)) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, 'utf8').trim() === stamp;
    if (current) {
      process.stdout.write(`build: ${target.name} is current (${target.outDir}), not rebuilt\n`);
      continue;
    }
    const started = Date.now();
    process.stdout.write(`build: ${target.name} → ${target.outDir}\n`);
    target.build();
    writeFileSync(stampFile, `${stamp}\n`);
    process.stdout.write(`build: ${target.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
