import { In, type EntityManager } from 'typeorm';
import { keyResultProgress, OPEN_STATUSES, type CheckIn, type KeyResult } from '@keyline/shared';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { UserEntity } from '../users/user.entity';
import type { CheckInEntity } from './check-in.entity';
import { CheckInEntity as CheckInTable } from './check-in.entity';
import type { KeyResultEntity } from './key-result.entity';

/**
 * Key results with what the OKR screen shows beside them: progress, the
 * latest confidence, the last check-in, and how many open items serve them.
 * Three set-based queries whatever the number of KRs.
 */
export async function toKeyResultDtos(m: EntityManager, rows: KeyResultEntity[]): Promise<KeyResult[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Sequential on purpose: inside a transaction the manager has one connection.
  const objectives = await m.find(ObjectiveEntity, { where: { id: In([...new Set(rows.map((r) => r.objectiveId))]) }, select: { id: true, cycleId: true } });
  const checkIns = await m.find(CheckInTable, {
      where: { keyResultId: In(ids) },
      select: { keyResultId: true, confidence: true, createdAt: true },
      order: { createdAt: 'ASC' },
    });
  const openCounts = await m
      .createQueryBuilder(BacklogLinkEntity, 'l')
      .innerJoin(BacklogItemEntity, 'i', 'i.id = l.itemId')
      .select('l.keyResultId', 'keyResultId')
      .addSelect('COUNT(*)', 'count')
      .where('l.keyResultId IN (:...ids)', { ids })
      .andWhere('i.status IN (:...open)', { open: OPEN_STATUSES })
      .groupBy('l.keyResultId')
      .getRawMany<{ keyResultId: string; count: string | number }>();
  const cycleOf = new Map(objectives.map((o) => [o.id, o.cycleId]));
  const latest = new Map<string, { confidence: number; createdAt: string }>();
  for (const c of checkIns) latest.set(c.keyResultId, c); // ascending, so the last one wins
  const open = new Map(openCounts.map((c) => [c.keyResultId, Number(c.count)]));
  return rows.map((kr) => ({
    id: kr.id,
    objectiveId: kr.objectiveId,
    cycleId: cycleOf.get(kr.objectiveId) ?? '',
    title: kr.title,
    metricType: kr.metricType,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    currentValue: kr.currentValue,
    unit: kr.unit,
    weight: kr.weight,
    ownerId: kr.ownerId,
    progress: keyResultProgress(kr),
    latestConfidence: latest.get(kr.id)?.confidence ?? null,
    lastCheckInAt: latest.get(kr.id)?.createdAt ?? null,
    openItemCount: open.get(kr.id) ?? 0,
    version: kr.version,
    createdAt: kr.createdAt,
    updatedAt: kr.updatedAt,
  }));
}

export async function toCheckInDtos(m: EntityManager, rows: CheckInEntity[]): Promise<CheckIn[]> {
  const authorIds = [...new Set(rows.map((r) => r.authorId).filter((id): id is string => Boolean(id)))];
  const authors = authorIds.length ? await m.find(UserEntity, { where: { id: In(authorIds) }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((c) => ({
    id: c.id,
    keyResultId: c.keyResultId,
    value: c.value,
    confidence: c.confidence,
    note: c.note,
    authorId: c.authorId,
    authorName: (c.authorId && nameOf.get(c.authorId)) || 'Keyline',
    createdAt: c.createdAt,
  }));
}
