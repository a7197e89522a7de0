import type { GradeKeyResultSchema, KeyResult } from '@keyline/shared';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../db/columns';
import type { Database } from '../../db/database';
import { updateVersioned } from '../../db/versioned';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/audit.recorder';
import { findCycle } from './cycle.service';
import { KeyResultEntity } from '../key-results/key-result.entity';
import { toKeyResultDtos } from '../key-results/key-result.mapper';
import { findObjective } from '../objectives/objective.service';

/**
 * Quarter-end grades. The one write a closed cycle still accepts: the
 * grade and its retro note are reflection on the quarter, not a change to it.
 */
export class GradingService {
  constructor(private readonly db: Database) {}

  grade(actor: Actor, id: string, version: number, input: z.output<typeof GradeKeyResultSchema>): Promise<KeyResult> {
    return this.db.write(async (m) => {
      const toDto = async (row: KeyResultEntity) => (await toKeyResultDtos(m, [row]))[0] as KeyResult;
      const { before, after } = await updateVersioned(
        m,
        KeyResultEntity,
        'Key result',
        id,
        version,
        async (current) => {
          const cycle = await findCycle(m, (await findObjective(m, current.objectiveId)).cycleId);
          if (cycle.status === 'planning') {
            throw new AppError(
              'CONFLICT',
              `${cycle.name} has not started; grade key results once the cycle is active or closed`,
            );
          }
          return {
            grade: input.grade,
            gradeNote: input.note,
            // A cleared grade has no "graded at"; a note alone does not grade.
            gradedAt: input.grade === null ? null : nowIso(),
          };
        },
        toDto,
      );
      const dto = await toDto(after);
      await recordAudit(m, actor, 'keyResult', id, 'update', await toDto(before), dto);
      return dto;
    });
  }
}
