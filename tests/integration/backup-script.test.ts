import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBacklogItem } from '../support/factories';
import { ROOT } from '../support/server-process';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * `npm run backup -- <args>` exactly as an operator types it, or (for the
 * quick refusals) the same script without npm's second of start-up.
 */
function runBackup(args: string[], databaseUrl: string, viaNpm = false): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const [command, argv] = viaNpm
      ? ['npm', ['run', '--silent', 'backup', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', 'server/src/scripts/backup.ts', ...args]];
    const child = spawn(command, argv, {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        TSX_TSCONFIG_PATH: 'server/tsconfig.json',
      },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run backup (SQLite online backup)', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'keyline-backup-'));
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the database consistently while the server keeps writing', async () => {
    for (let i = 0; i < 20; i++) await buildBacklogItem(t.editor, { title: `Before backup ${i}` });
    let writing = true;
    let written = 20;
    const writer = (async () => {
      while (writing) {
        await buildBacklogItem(t.editor, { title: `During backup ${written}` });
        written++;
      }
    })();
    const file = join(dir, 'copy.db');
    const result = await runBackup([file], t.testDb.url, true);
    writing = false;
    await writer;

    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Backed up .* to .*copy\.db: .* MB, [\d,]+ backlog items, integrity ok/);
    const copy = new Sqlite(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const items = (copy.prepare('SELECT COUNT(*) AS n FROM backlog_items').get() as { n: number }).n;
      expect(items).toBeGreaterThanOrEqual(20);
      expect(items).toBeLessThanOrEqual(written);
      // A snapshot, not a torn copy: every item has its audit event, as each write committed both together.
      const orphans = copy
        .prepare(
          `SELECT COUNT(*) AS n FROM backlog_items i WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entityId = i.id)`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      copy.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses to overwrite a file unless told to, and points PostgreSQL users to pg_dump', async () => {
    const file = join(dir, 'exists.db');
    const replaced = join(dir, 'replace-me.db');
    writeFileSync(file, 'keep me');
    writeFileSync(replaced, 'old copy');
    const [refused, forced, pg, usage] = await Promise.all([
      runBackup([file], t.testDb.url),
      runBackup([replaced, '--force'], t.testDb.url),
      runBackup([join(dir, 'pg.dump')], 'postgres://postgres@127.0.0.1:5432/test'),
      runBackup([], t.testDb.url),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(forced.code, forced.out).toBe(0);
    expect(readFileSync(replaced).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(pg.code).toBe(2);
    expect(pg.out).toContain('pg_dump --format=custom');
    expect(usage.out).toContain('Usage: npm run backup -- <file>');
  });
});
