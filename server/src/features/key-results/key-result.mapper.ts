import { In, type EntityManager } from 'typeorm';
import {
  gradeBand,
  isCheckInDue,
  keyResultProgress,
  OPEN_STATUSES,
  suggestedGrade,
  type CheckIn,
  type KeyResult,
} from '@keyline/shared';
import { BacklogItemEntity } from '../backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../backlog/backlog-link.entity';
import { CycleEntity } from '../cycles/cycle.entity';
import { readLifecycleSettings } from '../cycles/lifecycle-settings.service';
import { ObjectiveEntity } from '../objectives/objective.entity';
import { UserEntity } from '../users/user.entity';
import type { CheckInEntity } from './check-in.entity';
import type { KeyResultEntity } from './key-result.entity';
import { latestCheckIns } from './latest-check-ins';

/**
 * Key results with what the OKR screen shows beside them: progress, the
 * latest confidence, the last check-in, and how many open items serve them.
 * A few set-based queries whatever the number of KRs. `openItemCounts`, when
 * given, comes from the scoring snapshot (lists and the dashboard); without it
 * the counts are read here (single KRs, inside writes).
 */
export async function toKeyResultDtos(
  m: EntityManager,
  rows: KeyResultEntity[],
  openItemCounts?: ReadonlyMap<string, number>,
): Promise<KeyResult[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Sequential on purpose: inside a transaction the manager has one connection.
  const objectives = await m.find(ObjectiveEntity, {
    where: { id: In([...new Set(rows.map((r) => r.objectiveId))]) },
    select: { id: true, cycleId: true },
  });
  const latest = await latestCheckIns(m, ids);
  const open = openItemCounts ?? (await countOpenItems(m, ids));
  const cycleOf = new Map(objectives.map((o) => [o.id, o.cycleId]));
  // For the check-in cadence: the cycle's status and start, and the workspace's cadence.
  const cycles = await m.find(CycleEntity, {
    where: { id: In([...new Set(cycleOf.values())]) },
    select: { id: true, status: true, startsOn: true },
  });
  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  const { checkInCadenceDays } = (await readLifecycleSettings(m)).settings;
  const now = Date.now();
  return rows.map((kr) => {
    const cycle = cycleById.get(cycleOf.get(kr.objectiveId) ?? '');
    const progress = keyResultProgress(kr) ?? 0;
    const grade = kr.grade ?? null;
    const lastCheckInAt = latest.get(kr.id)?.at ?? null;
    return {
      id: kr.id,
      objectiveId: kr.objectiveId,
      cycleId: cycleOf.get(kr.objectiveId) ?? '',
      title: kr.title,
      code: kr.code ?? null,
      metricType: kr.metricType,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      currentValue: kr.currentValue,
      unit: kr.unit,
      weight: kr.weight,
      ownerId: kr.ownerId,
      progress,
      latestConfidence: latest.get(kr.id)?.confidence ?? null,
      lastCheckInAt,
      openItemCount: open.get(kr.id) ?? 0,
      grade,
      gradeNote: kr.gradeNote ?? '',
      gradedAt: kr.gradedAt ?? null,
      gradeBand: grade === null ? null : gradeBand(grade),
      suggestedGrade: suggestedGrade(progress),
      carriedFromId: kr.carriedFromId ?? null,
      carriedToId: kr.carriedToId ?? null,
      checkInDue:
        cycle !== undefined &&
        isCheckInDue(
          { cycleStatus: cycle.status, cycleStartsOn: cycle.startsOn, keyResultCreatedAt: kr.createdAt, lastCheckInAt },
          checkInCadenceDays,
          now,
        ),
      version: kr.version,
      createdAt: kr.createdAt,
      updatedAt: kr.updatedAt,
    };
  });
}

export async function toCheckInDtos(m: EntityManager, rows: CheckInEntity[]): Promise<CheckIn[]> {
  const authorIds = [...new Set(rows.map((r) => r.authorId).filter((id): id is string => Boolean(id)))];
  const authors = authorIds.length
    ? await m.find(UserEntity, { where: { id: In(authorIds) }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((c) => ({
    id: c.id,
    keyResultId: c.keyResultId,
    value: c.value,
    confidence: c.confidence,
    note: c.note,
    authorId: c.authorId,
    authorName: (c.authorId && nameOf.get(c.authorId)) || 'Keyline',
    at: c.at,
    createdAt: c.createdAt,
  }));
}

/** How many open items are linked to each of the KRs. */
async function countOpenItems(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
  const rows = await m
    .createQueryBuilder(BacklogLinkEntity, 'l')
    .innerJoin(BacklogItemEntity, 'i', 'i.id = l.itemId')
    .select('l.keyResultId', 'keyResultId')
    .addSelect('COUNT(*)', 'count')
    .where('l.keyResultId IN (:...ids)', { ids })
    .andWhere('i.status IN (:...open)', { open: OPEN_STATUSES })
    .andWhere('i.archivedAt IS NULL')
    .groupBy('l.keyResultId')
    .getRawMany<{ keyResultId: string; count: string | number }>();
  return new Map(rows.map((c) => [c.keyResultId, Number(c.count)]));
}
