import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config';

/*
 * `npm run backup -- <file> [--force]`: a consistent copy of the SQLite
 * database, safe while Keyline runs. It uses SQLite's online backup API in
 * one step, which reads a single snapshot (WAL mode lets the server keep
 * writing meanwhile), writes to a temporary file, checks the copy's
 * integrity, and only then renames it into place. For PostgreSQL it prints
 * how to use pg_dump (docs/IMPORT.md).
 */

const USAGE = 'Usage: npm run backup -- <file> [--force]   (reads DATABASE_URL like the server)';

async function main(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]?.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  // Not databaseKind() from db/database: that would load TypeORM and every entity just to read a prefix.
  if (!config.DATABASE_URL.startsWith('sqlite:')) {
    process.stderr.write(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump, e.g.\n' +
        `  pg_dump --format=custom --file=${files[0]} "$DATABASE_URL"\n` +
        'and restore with pg_restore (see docs/IMPORT.md). For a database-independent copy use GET /api/backup.\n',
    );
    return 2;
  }
  const source = resolve(config.DATABASE_URL.slice('sqlite:'.length));
  const target = resolve(files[0] ?? '');
  if (!existsSync(source)) throw new Error(`No database at ${source} (DATABASE_URL=${config.DATABASE_URL})`);
  if (target === source) throw new Error('The backup must go to another file than the database itself');
  if (existsSync(target) && !force)
    throw new Error(`${target} already exists: choose a new name, or add --force to replace it`);

  const started = performance.now();
  const partial = `${target}.partial-${process.pid}`;
  const db = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // One step copies every page from one snapshot: no restart when the server writes meanwhile.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  let summary: { items: number; check: string };
  const copy = new Sqlite(partial);
  try {
    // The copy inherits WAL mode; a backup should be one self-contained file with no -wal/-shm beside it.
    copy.pragma('journal_mode = DELETE');
    const check = String(copy.pragma('integrity_check', { simple: true }));
    const items = (copy.prepare('SELECT COUNT(*) AS n FROM backlog_items').get() as { n: number }).n;
    summary = { items, check };
  } finally {
    copy.close();
  }
  if (summary.check !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`The copy failed its integrity check (${summary.check}); nothing was written`);
  }
  renameSync(partial, target);
  const size = (statSync(target).size / 1024 / 1024).toFixed(1);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `Backed up ${source} to ${target}: ${size} MB, ${summary.items.toLocaleString('en')} backlog items, integrity ok, in ${ms} ms\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`Backup failed: ${message}\n`);
    process.exit(1);
  },
);
