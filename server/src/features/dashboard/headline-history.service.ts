import { randomUUID } from 'node:crypto';
import type { CycleHeadline, HeadlineHistoryPoint, HeadlineReason } from '@keyline/shared';
import type { Logger } from 'pino';
import type { SelectQueryBuilder } from 'typeorm';
import { AppendOnlyCache, seriesFromQuery } from '../../db/append-only-cache';
import type { Database } from '../../db/database';
import { lockForRuleCheck } from '../../db/table-lock';
import type { LiveScores } from '../scoring/live-scores';
import { TeamEntity } from '../teams/team.entity';
import { HeadlineHistoryEntity } from './headline-history.entity';

interface RawHistoryRow {
  recordedAt: string;
  reason: HeadlineReason;
  misalignedEffortShare: number | string | null;
  krCoverageShare: number | string | null;
  openEffort: number | string;
}

/**
 * Records the active cycle's headline figures (misaligned effort share, KR
 * coverage, open effort) as they are now: for the whole company and for
 * each team, once a day and after every check-in. The dashboard's trend
 * reads these rows, so it shows what people saw, not a recomputation with
 * today's links.
 */
export class HeadlineHistoryService {
  /** The last UTC day this process knows has its daily rows: saves a query per dashboard view. */
  private dailyDone: string | undefined;
  /** A row per check-in adds up: views read only the rows recorded since the last one. */
  private readonly series = new AppendOnlyCache<HeadlineHistoryPoint>((p) => p.recordedAt);

  constructor(
    private readonly db: Database,
    private readonly scores: LiveScores,
    private readonly logger: Logger,
  ) {}

  /** After a check-in has committed. Never throws: the check-in itself has already succeeded. */
  async recordAfterCheckIn(): Promise<void> {
    try {
      await this.record('check-in');
    } catch (err) {
      this.logger.error({ err }, 'could not record the headline after a check-in');
    }
  }

  /** The first call of a UTC day records the daily rows; later calls cost nothing. */
  async recordDailyIfDue(now = new Date()): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    if (this.dailyDone === day) return;
    try {
      // Without an active cycle nothing is recorded, and a cycle activated later today still gets its row.
      if (await this.record('daily', now)) this.dailyDone = day;
    } catch (err) {
      this.logger.error({ err }, 'could not record the daily headline');
    }
  }

  /** Oldest first. */
  history(cycleId: string, teamId: string | null): Promise<readonly HeadlineHistoryPoint[]> {
    return this.db.read((m) => {
      const rows = () => {
        const qb = m.createQueryBuilder(HeadlineHistoryEntity, 'h').where('h.cycleId = :cycleId', { cycleId });
        return teamId ? qb.andWhere('h.teamId = :teamId', { teamId }) : qb.andWhere('h.teamId IS NULL');
      };
      return this.series.read(`${cycleId}|${teamId ?? ''}`, seriesFromQuery(rows, 'h.recordedAt', readPoints));
    });
  }

  /** False when there is no active cycle to record. */
  private async record(reason: HeadlineReason, now = new Date()): Promise<boolean> {
    // Everything read before the write: on SQLite a read inside a write would wait for itself.
    const { backlog } = await this.scores.current();
    const cycleId = backlog.context.activeCycleIds[0];
    if (!cycleId) return false;
    const teams = await this.db.read((m) => m.find(TeamEntity, { select: { id: true } }));
    const recordedAt = now.toISOString();
    const day = recordedAt.slice(0, 10);
    // Read from sums kept up to date by every write: O(KRs) per team, not a pass over the backlog.
    const rows: HeadlineHistoryEntity[] = [null, ...teams.map((t) => t.id)].map((teamId) => {
      const h = backlog.headline(cycleId, teamId) as CycleHeadline;
      return {
        id: randomUUID(),
        cycleId,
        teamId,
        recordedAt,
        day,
        reason,
        misalignedEffortShare: h.misalignedEffortShare,
        krCoverageShare: h.krCoverage.share,
        openEffort: h.openEffort,
      };
    });
    await this.db.write(async (m) => {
      if (reason === 'daily') {
        // Several servers (or requests) may race for the first view of the day: one wins.
        await lockForRuleCheck(m, 'headline_history');
        if (await m.existsBy(HeadlineHistoryEntity, { cycleId, day, reason: 'daily' })) return;
      }
      for (let i = 0; i < rows.length; i += 200) await m.insert(HeadlineHistoryEntity, rows.slice(i, i + 200));
    });
    return true;
  }
}

/** Raw rows, oldest first: entity hydration would cost twice the read. */
async function readPoints(qb: SelectQueryBuilder<HeadlineHistoryEntity>): Promise<HeadlineHistoryPoint[]> {
  const rows = await qb
    .select([
      'h.recordedAt AS "recordedAt"',
      'h.reason AS "reason"',
      'h.misalignedEffortShare AS "misalignedEffortShare"',
    ])
    .addSelect(['h.krCoverageShare AS "krCoverageShare"', 'h.openEffort AS "openEffort"'])
    .orderBy('h.recordedAt', 'ASC')
    .addOrderBy('h.id', 'ASC')
    .getRawMany<RawHistoryRow>();
  const number = (v: number | string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    recordedAt: r.recordedAt,
    reason: r.reason,
    misalignedEffortShare: number(r.misalignedEffortShare),
    krCoverageShare: number(r.krCoverageShare),
    openEffort: Number(r.openEffort),
  }));
}
