import { In, type EntityManager } from 'typeorm';
import { NotificationMarkEntity } from './notification-mark.entity';

const CHUNK = 500;

/** The marks among these keys that exist, with when they were written. */
export async function readMarks(m: EntityManager, keys: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await m.find(NotificationMarkEntity, { where: { key: In(keys.slice(i, i + CHUNK)) } });
    for (const r of rows) found.set(r.key, r.createdAt);
  }
  return found;
}

/** Writes marks (inside the transaction that writes the messages); a key written twice stays one. */
export async function writeMarks(m: EntityManager, keys: readonly string[], now: number): Promise<void> {
  const createdAt = new Date(now).toISOString();
  const rows = [...new Set(keys)].map((key) => ({ key, createdAt }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await m
      .createQueryBuilder()
      .insert()
      .into(NotificationMarkEntity)
      .values(rows.slice(i, i + CHUNK))
      .orIgnore()
      .execute();
  }
}
