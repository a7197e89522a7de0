import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { notFound, versionConflict } from '../http/app-error';
import { nowIso } from './columns';

interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
}

/**
 * Optimistic concurrency done right: a conditional UPDATE ... WHERE id AND
 * version, which must change exactly one row. (TypeORM's @VersionColumn with
 * save() silently overwrites newer edits: see docs/ARCHITECTURE.md.)
 * Returns the row before and after; throws 404 or 412 with the current row.
 */
export async function updateVersioned<E extends Versioned, D extends { version: number }>(
  m: EntityManager,
  target: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number,
  changes: (before: E) => Promise<Partial<E>> | Partial<E>,
  toDto: (row: E) => D | Promise<D>,
): Promise<{ before: E; after: E }> {
  const before = await loadCurrent(m, target, what, id, expectedVersion, toDto);
  const set = { ...(await changes(before)), updatedAt: nowIso() } as Record<string, unknown>;
  const result = await m
    .createQueryBuilder()
    .update(target)
    .set({ ...set, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) await throwStale(m, target, what, id, toDto);
  const after = (await m.findOneBy(target, { id } as never)) as E;
  return { before, after };
}

/** Deletes the row only if it is still at the version the client saw. */
export async function deleteVersioned<E extends Versioned, D extends { version: number }>(
  m: EntityManager,
  target: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number,
  toDto: (row: E) => D | Promise<D>,
): Promise<E> {
  const before = await loadCurrent(m, target, what, id, expectedVersion, toDto);
  const result = await m
    .createQueryBuilder()
    .delete()
    .from(target)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) await throwStale(m, target, what, id, toDto);
  return before;
}

async function loadCurrent<E extends Versioned, D extends { version: number }>(
  m: EntityManager,
  target: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number,
  toDto: (row: E) => D | Promise<D>,
): Promise<E> {
  const row = (await m.findOneBy(target, { id } as never)) as E | null;
  if (!row || ('deletedAt' in row && row.deletedAt)) throw notFound(what);
  if (row.version !== expectedVersion) throw versionConflict(what, await toDto(row));
  return row;
}

async function throwStale<E extends Versioned, D extends { version: number }>(
  m: EntityManager,
  target: EntityTarget<E>,
  what: string,
  id: string,
  toDto: (row: E) => D | Promise<D>,
): Promise<never> {
  const current = (await m.findOneBy(target, { id } as never)) as E | null;
  if (!current) throw notFound(what);
  throw versionConflict(what, await toDto(current));
}
