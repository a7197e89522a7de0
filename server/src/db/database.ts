import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import 'reflect-metadata';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { installChangeTriggers } from './change-log';
import { Mutex } from './mutex';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The one door to the database. `write` runs a unit of work in a transaction;
 * `read` runs queries outside one. On SQLite, writes pass through one
 * in-process lock (TypeORM shares one connection: see docs/ARCHITECTURE.md)
 * and reads go to a second, read-only connection: in WAL mode a reader sees
 * the last commit and never waits for the writer. Like PostgreSQL's pooled
 * reads, each statement sees the latest commit (read-your-writes: a write is
 * acknowledged only after its commit). An in-memory database has no second
 * connection to share it, so there reads take the lock too.
 */
export class Database {
  private readonly lock = new Mutex();
  /**
   * Bumped after every committed write in this process. What a write changed
   * is in the change log (db/change-log.ts, declared per table); this only
   * tells derived data that there may be something to read there.
   */
  generation = 0;
  private readonly closeHooks: (() => Promise<void>)[] = [];

  constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseKind,
    /** SQLite on a file: the read-only connection `read` uses. */
    readonly readSource?: DataSource,
  ) {}

  /**
   * The read connection's better-sqlite3 handle, for the hot paths that run
   * one prepared statement per request (session lookup, backlog page)
   * instead of building the query through the ORM each time.
   */
  sqliteReader(): BetterSqlite3.Database | undefined {
    const source = this.readSource ?? (this.kind === 'sqlite' ? this.dataSource : undefined);
    return (source?.driver as unknown as { databaseConnection?: BetterSqlite3.Database } | undefined)
      ?.databaseConnection;
  }

  /** Whether `sqliteReader` may be used without the write lock (false for an in-memory database). */
  get readsOwnConnection(): boolean {
    return this.readSource !== undefined;
  }

  /** One unit of work in one transaction. What it invalidates is declared per table (db/change-log.ts). */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let manager: EntityManager | undefined;
    const run = () =>
      this.dataSource.transaction((m) => {
        manager = m;
        return work(m);
      });
    let result: T;
    try {
      result = await (this.kind === 'sqlite' ? this.lock.run(run) : run());
    } catch (error) {
      if (manager) this.pendingHooks.delete(manager);
      throw error;
    }
    this.generation++;
    const hooks = manager && this.committedHooks(manager);
    if (hooks) for (const hook of hooks) hook();
    return result;
  }

  /** Runs when the database is closed, before its connections are (a LISTEN connection, timers). */
  onClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  /**
   * SQLite's data_version: changes when another connection (another
   * process, or the write connection seen from a read one) commits. A cheap
   * way to notice writes that did not pass through `write`.
   */
  dataVersion(): number | undefined {
    if (this.kind !== 'sqlite') return undefined;
    const raw = (
      this.dataSource.driver as unknown as { databaseConnection?: { pragma(s: string, o: object): unknown } }
    ).databaseConnection;
    return raw ? Number(raw.pragma('data_version', { simple: true })) : undefined;
  }

  /** PostgreSQL: how to open a connection of one's own (LISTEN) to the same database and schema. */
  connectionOptions(): { connectionString: string; options?: string } | undefined {
    if (this.kind !== 'postgres') return undefined;
    const o = this.dataSource.options as { url?: string; extra?: { options?: string } };
    return { connectionString: o.url ?? '', ...(o.extra?.options ? { options: o.extra.options } : {}) };
  }

  private readonly pendingHooks = new WeakMap<EntityManager, (() => void)[]>();

  /**
   * Runs `hook` once the transaction `m` belongs to has committed (never if
   * it rolls back): e.g. waking the outbox sender for the rows just written,
   * which another connection cannot see before the commit.
   */
  afterCommit(m: EntityManager, hook: () => void): void {
    const hooks = this.pendingHooks.get(m);
    if (hooks) hooks.push(hook);
    else this.pendingHooks.set(m, [hook]);
  }

  private committedHooks(m: EntityManager): (() => void)[] | undefined {
    const hooks = this.pendingHooks.get(m);
    this.pendingHooks.delete(m);
    return hooks;
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.readSource) return work(this.readSource.manager);
    const run = () => work(this.dataSource.manager);
    // One shared in-memory connection: reads wait, so they never see another request's uncommitted rows.
    return this.kind === 'sqlite' ? this.lock.run(run) : run();
  }

  /**
   * `work` with the lock `read` would take, for code that reads through
   * `sqliteReader` synchronously: a no-op wrapper when reads have their own connection.
   */
  readSync<T>(work: () => T): T | Promise<T> {
    if (this.kind !== 'sqlite' || this.readSource) return work();
    return this.lock.run(async () => work());
  }

  async migrate(): Promise<void> {
    if (this.kind === 'postgres') {
      // Several app servers may start at once: one migrates, the others wait.
      await this.dataSource.query('SELECT pg_advisory_lock(734211)');
      try {
        await this.dataSource.runMigrations({ transaction: 'each' });
        await installChangeTriggers(this.dataSource, 'postgres');
      } finally {
        await this.dataSource.query('SELECT pg_advisory_unlock(734211)');
      }
    } else {
      await this.lock.run(async () => {
        await this.dataSource.runMigrations({ transaction: 'each' });
        await installChangeTriggers(this.dataSource, 'sqlite');
      });
    }
  }

  async pendingMigrations(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  async close(): Promise<void> {
    for (const hook of this.closeHooks.splice(0)) await hook().catch(() => undefined);
    if (this.readSource?.isInitialized) await this.readSource.destroy();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

export interface OpenOptions {
  /** PostgreSQL only: work inside this schema (tests give each suite its own). */
  schema?: string;
  poolSize?: number;
}

/** What the database holds: given by the wiring (`server/src/schema.ts`), so db/ imports no feature. */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export function dataSourceOptions(url: string, options: OpenOptions & DatabaseSchema): DataSourceOptions {
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    synchronize: false,
    logging: false,
  } as const;
  if (databaseKind(url) === 'postgres') {
    const searchPath = options.schema ? { options: `-c search_path=${options.schema}` } : {};
    return { ...common, type: 'postgres', url, extra: { max: options.poolSize ?? 10, ...searchPath } };
  }
  const file = url.slice('sqlite:'.length);
  const database = file === ':memory:' ? file : resolve(file);
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      // FULL: a commit is on disk before we acknowledge it, even across power loss.
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export async function connectDatabase(url: string, open: OpenOptions & DatabaseSchema): Promise<Database> {
  const options = dataSourceOptions(url, open);
  if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
    mkdirSync(dirname(options.database as string), { recursive: true });
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  let readSource: DataSource | undefined;
  if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
    // Opened after the writer, which has switched the file to WAL (a persistent setting).
    readSource = new DataSource({
      ...options,
      readonly: true,
      enableWAL: false,
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
      },
    });
    await readSource.initialize();
  }
  return new Database(dataSource, databaseKind(url), readSource);
}
