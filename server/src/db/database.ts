import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import 'reflect-metadata';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { Mutex } from './mutex';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The one door to the database. `write` runs a unit of work in a transaction;
 * `read` runs queries outside one. On SQLite both pass through one in-process
 * lock (one shared connection: see docs/ARCHITECTURE.md); PostgreSQL gives
 * each transaction its own pooled connection and needs none.
 */
export class Database {
  private readonly lock = new Mutex();
  /**
   * Bumped after every committed write in this process: caches of derived
   * data (the scored backlog) compare it to know they are stale.
   */
  generation = 0;
  /**
   * Bumped after every committed write that may change the OKR structure or
   * the settings: all but derived and backlog-only writes. The scoring
   * context (KRs, objectives, cycles, check-ins, settings) is re-read only
   * when it moved, not after every backlog edit.
   */
  structureGeneration = 0;

  constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseKind,
  ) {}

  /**
   * `derived: true` is for rows computed from others (e.g. headline history):
   * they change no input of the scoring, so caches stay valid.
   * `backlogOnly: true` is for writes to backlog items and their links only.
   */
  async write<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: { derived?: boolean; backlogOnly?: boolean } = {},
  ): Promise<T> {
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
    if (!options.derived) this.generation++;
    if (!options.derived && !options.backlogOnly) this.structureGeneration++;
    const hooks = manager && this.committedHooks(manager);
    if (hooks) for (const hook of hooks) hook();
    return result;
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
    const run = () => work(this.dataSource.manager);
    // Reads wait too, so they never see another request's uncommitted rows on the shared connection.
    return this.kind === 'sqlite' ? this.lock.run(run) : run();
  }

  async migrate(): Promise<void> {
    if (this.kind === 'postgres') {
      // Several app servers may start at once: one migrates, the others wait.
      await this.dataSource.query('SELECT pg_advisory_lock(734211)');
      try {
        await this.dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await this.dataSource.query('SELECT pg_advisory_unlock(734211)');
      }
    } else {
      await this.lock.run(() => this.dataSource.runMigrations({ transaction: 'each' }));
    }
  }

  async pendingMigrations(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  async close(): Promise<void> {
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
  return new Database(dataSource, databaseKind(url));
}
