import { In } from 'typeorm';
import { FLAG_BITS, krLabel, planLabelChanges, UNALIGNED_LABEL, type RunError } from '@keyline/shared';
import type { Database } from '../../db/database';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { KeyResultEntity } from '../key-results/key-result.entity';
import type { LiveScores } from '../scoring/live-scores';
import type { ConnectionEntity } from './connection.entity';
import { ensureKeyResultCodes } from './key-result-codes';
import { SyncedItemEntity } from './synced-item.entity';
import { TrackerError } from './tracker-http';
import type { Tracker } from './trackers';

interface Target {
  itemId: string;
  key: string;
  externalId: string;
  trackerLabels: string[];
  writtenLabels: string[];
}

/**
 * Write-back: each live synced item's issue carries `keyline-kr-<code>` for
 * every key result it is linked to, and `keyline-unaligned` while the item
 * is flagged UNALIGNED. Only labels Keyline added are ever removed. A
 * refused token (401/403) stops it and fails the run like any other call.
 */
export async function writeBackLabels(
  db: Database,
  scores: LiveScores,
  connection: ConnectionEntity,
  tracker: Tracker,
): Promise<{ labels: number; errors: RunError[] }> {
  const { backlog } = await scores.current();
  const targets = await db.read((m) =>
    m
      .createQueryBuilder(SyncedItemEntity, 's')
      .innerJoin('backlog_items', 'i', 'i.id = s.itemId')
      .select(['s.itemId AS "itemId"', 'i.externalKey AS "key"', 's.externalId AS "externalId"'])
      .addSelect('s.trackerLabels', 'trackerLabels')
      .addSelect('s.writtenLabels', 'writtenLabels')
      .where('s.connectionId = :id AND i.archivedAt IS NULL', { id: connection.id })
      .getRawMany<Omit<Target, 'trackerLabels' | 'writtenLabels'> & { trackerLabels: string; writtenLabels: string }>(),
  );
  const linkRows = await db.read(async (m) => {
    const rows: { itemId: string; keyResultId: string }[] = [];
    const ids = targets.map((t) => t.itemId);
    for (let i = 0; i < ids.length; i += 1000) {
      rows.push(
        ...(await m
          .createQueryBuilder(BacklogLinkEntity, 'l')
          .innerJoin(KeyResultEntity, 'k', 'k.id = l.keyResultId')
          .select(['l.itemId AS "itemId"', 'l.keyResultId AS "keyResultId"'])
          .where({ itemId: In(ids.slice(i, i + 1000)) })
          .andWhere('k.deletedAt IS NULL')
          .getRawMany()),
      );
    }
    return rows;
  });
  // A key result gets its short code the first time a label needs it.
  const codes = linkRows.length
    ? await db.write((m) => ensureKeyResultCodes(m, [...new Set(linkRows.map((l) => l.keyResultId))]))
    : new Map<string, string>();
  const krsOf = new Map<string, string[]>();
  for (const l of linkRows) krsOf.set(l.itemId, [...(krsOf.get(l.itemId) ?? []), l.keyResultId]);

  let labels = 0;
  const errors: RunError[] = [];
  for (const raw of targets) {
    const target: Target = { ...raw, trackerLabels: parse(raw.trackerLabels), writtenLabels: parse(raw.writtenLabels) };
    const desired = (krsOf.get(target.itemId) ?? []).flatMap((id) => {
      const code = codes.get(id);
      return code ? [krLabel(code)] : [];
    });
    if (backlog.flagBits(target.itemId) & FLAG_BITS.UNALIGNED) desired.push(UNALIGNED_LABEL);
    const plan = planLabelChanges({ current: target.trackerLabels, written: target.writtenLabels, desired });
    if (plan.add.length === 0 && plan.remove.length === 0) {
      if (!sameSet(plan.written, target.writtenLabels))
        await saveLabels(db, target, target.trackerLabels, plan.written);
      continue;
    }
    try {
      await tracker.writeLabels({ key: target.key, externalId: target.externalId }, plan.add, plan.remove);
    } catch (error) {
      if (!(error instanceof TrackerError) || error.kind === 'auth' || error.kind === 'rate-limited') throw error;
      errors.push({ key: target.key, reason: `Labels not written: ${error.message}` });
      continue;
    }
    const after = [...target.trackerLabels.filter((l) => !plan.remove.includes(l)), ...plan.add];
    await saveLabels(db, target, after, plan.written);
    labels += plan.add.length + plan.remove.length;
  }
  return { labels, errors };
}

async function saveLabels(
  db: Database,
  target: Target,
  trackerLabels: string[],
  writtenLabels: string[],
): Promise<void> {
  await db.write((m) =>
    m.update(SyncedItemEntity, { itemId: target.itemId }, {
      trackerLabels,
      writtenLabels,
    } as Partial<SyncedItemEntity>),
  );
}

function parse(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? (parsed as string[]) : [];
  } catch {
    return [];
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
