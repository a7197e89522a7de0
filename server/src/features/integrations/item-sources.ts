import { In, type EntityManager } from 'typeorm';
import { CONNECTION_KIND_LABEL, type ItemSource } from '@keyline/shared';
import { AppError } from '../../http/app-error';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { ConnectionEntity } from './connection.entity';
import { ownedFields } from './owned-fields';
import { SyncedItemEntity } from './synced-item.entity';

/** Where each of these items comes from (only synced items are in the answer): one query per page. */
export async function itemSources(m: EntityManager, itemIds: readonly string[]): Promise<Map<string, ItemSource>> {
  const result = new Map<string, ItemSource>();
  if (itemIds.length === 0) return result;
  const rows: { itemId: string; connectionId: string; url: string; key: string }[] = [];
  for (let i = 0; i < itemIds.length; i += 1000) {
    rows.push(
      ...(await m
        .createQueryBuilder(SyncedItemEntity, 's')
        .innerJoin(BacklogItemEntity, 'i', 'i.id = s.itemId')
        .select([
          's.itemId AS "itemId"',
          's.connectionId AS "connectionId"',
          's.url AS "url"',
          'i.externalKey AS "key"',
        ])
        .where({ itemId: In(itemIds.slice(i, i + 1000)) })
        .getRawMany()),
    );
  }
  if (rows.length === 0) return result;
  const connections = new Map(
    (await m.findBy(ConnectionEntity, { id: In([...new Set(rows.map((r) => r.connectionId))]) })).map((c) => [c.id, c]),
  );
  for (const row of rows) {
    const connection = connections.get(row.connectionId);
    if (!connection) continue;
    result.set(row.itemId, {
      connectionId: row.connectionId,
      kind: connection.kind,
      key: row.key,
      url: row.url,
      ownedFields: ownedFields(connection.config),
    });
  }
  return result;
}

/**
 * The tracker owns the fields it maps: a change to one of them in Keyline
 * would be undone by the next run, so it is refused (409) with where to make it.
 */
export async function assertTrackerFieldsUntouched(
  m: EntityManager,
  current: BacklogItemEntity,
  input: Record<string, unknown>,
): Promise<void> {
  const source = (await itemSources(m, [current.id])).get(current.id);
  if (!source) return;
  const row = current as unknown as Record<string, unknown>;
  const touched = Object.keys(input).filter(
    (f) =>
      input[f] !== undefined &&
      source.ownedFields.includes(f) &&
      JSON.stringify(input[f]) !== JSON.stringify(row[f] ?? null),
  );
  if (touched.length === 0) return;
  const tracker = CONNECTION_KIND_LABEL[source.kind];
  throw new AppError(
    'CONFLICT',
    `${touched.join(', ')} of ${source.key} come${touched.length === 1 ? 's' : ''} from ${tracker}: change ${touched.length === 1 ? 'it' : 'them'} in ${tracker}`,
    {
      issues: touched.map((f) => ({
        path: [f],
        message: `Comes from ${tracker} ${source.key}: change it in ${tracker}`,
      })),
    },
  );
}

/** A synced item leaves Keyline with its issue (archived), or becomes Keyline's own when its connection is deleted. */
export async function assertNotSynced(m: EntityManager, itemId: string): Promise<void> {
  const source = (await itemSources(m, [itemId])).get(itemId);
  if (!source) return;
  const tracker = CONNECTION_KIND_LABEL[source.kind];
  throw new AppError(
    'CONFLICT',
    `This item is ${tracker} ${source.key}: it leaves the backlog when it leaves the connection's query in ${tracker} (it is then archived), or when the connection is deleted`,
  );
}
