import type { EntityManager } from 'typeorm';
import { KeyResultEntity } from './key-result.entity';
import { CheckInEntity } from './check-in.entity';

export interface LatestCheckIn {
  keyResultId: string;
  value: number;
  confidence: number;
  /** The moment the check-in is for. */
  at: string;
}

/**
 * The newest check-in of each key result (all of them, or the ids given):
 * the one for the latest moment (`at`), the later entry on a tie.
 * One indexed lookup per KR (check_ins keyResultId + at), so the cost
 * follows the number of KRs, not the check-ins a quarter piles up.
 */
export async function latestCheckIns(
  m: EntityManager,
  keyResultIds?: readonly string[],
): Promise<Map<string, LatestCheckIn>> {
  if (keyResultIds?.length === 0) return new Map();
  const newest = m
    .createQueryBuilder()
    .subQuery()
    .select('c2.id')
    .from(CheckInEntity, 'c2')
    .where('c2.keyResultId = k.id')
    .orderBy('c2.at', 'DESC')
    .addOrderBy('c2.createdAt', 'DESC')
    .addOrderBy('c2.id', 'DESC')
    .limit(1)
    .getQuery();
  const qb = m
    .createQueryBuilder(KeyResultEntity, 'k')
    .innerJoin(CheckInEntity, 'c', `c.id = ${newest}`)
    .select('k.id', 'keyResultId')
    .addSelect('c.value', 'value')
    .addSelect('c.confidence', 'confidence')
    .addSelect('c.at', 'at');
  if (keyResultIds) qb.where('k.id IN (:...keyResultIds)', { keyResultIds });
  const rows = await qb.getRawMany<{
    keyResultId: string;
    value: number | string;
    confidence: number | string;
    at: string;
  }>();
  return new Map(
    rows.map((r) => [
      r.keyResultId,
      { keyResultId: r.keyResultId, value: Number(r.value), confidence: Number(r.confidence), at: r.at },
    ]),
  );
}
