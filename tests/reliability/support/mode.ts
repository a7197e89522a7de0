import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/server-process';

/**
 * The reliability and security suites run twice over: small in `npm test`
 * (fast, so every change gets them) and at full size in
 * `npm run test:reliability`, which sets RELIABILITY_FULL=1.
 */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** The fast figure in `npm test`, the full one in `npm run test:reliability`. */
export const sized = <T>(fast: T, full: T): T => (FULL ? full : fast);

export type Figures = Record<string, string | number | boolean>;

/**
 * Prints a suite's figures and keeps the last ones in tests/artifacts/reliability
 * (not committed), from which docs/RELIABILITY.md is written after a full run.
 */
export function reportFigures(suite: string, figures: Figures): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(
    ([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en') : String(v)}`,
  );
  console.log(`\n[${suite}] ${FULL ? 'full' : 'fast'} run\n${lines.join('\n')}`);
  const dir = join(ROOT, 'tests/artifacts/reliability');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${suite.replace(/[^\w.-]+/g, '-')}.${FULL ? 'full' : 'fast'}.json`);
  writeFileSync(file, `${JSON.stringify({ suite, full: FULL, at: new Date().toISOString(), figures }, null, 2)}\n`);
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
