import type { EntityManager } from 'typeorm';
import { BacklogItemEntity } from '../../backlog/backlog-item.entity';
import type { CycleEntity } from '../../cycles/cycle.entity';
import type { CheckInEntity } from '../../key-results/check-in.entity';
import { KeyResultEntity } from '../../key-results/key-result.entity';
import { UserEntity } from '../../users/user.entity';
import type { Links } from '../links';
import type { EventPublisher } from './event-publisher';
import { cycleRef, itemRef, keyResultRef } from './event-refs';

/**
 * The events that OKR and backlog writes cause, built and published inside
 * the writing transaction (the services call these with their manager).
 * Status changes and flags are not here: they follow from time and from the
 * whole backlog's scores, so the change watcher (change-watcher.ts) finds them.
 */
export class OkrEvents {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly links: Links,
  ) {}

  async checkInCreated(m: EntityManager, checkIn: CheckInEntity, kr: KeyResultEntity, previousValue: number) {
    const author = checkIn.authorId ? await m.findOneBy(UserEntity, { id: checkIn.authorId }) : null;
    await this.publisher.publish(m, 'check_in.created', {
      checkIn: {
        id: checkIn.id,
        value: checkIn.value,
        confidence: checkIn.confidence,
        note: checkIn.note,
        authorName: author?.name ?? 'Keyline',
        createdAt: checkIn.createdAt,
      },
      keyResult: { ...keyResultRef(this.links, kr), previousValue, targetValue: kr.targetValue, unit: kr.unit },
    });
  }

  async linkChanged(m: EntityManager, itemId: string, keyResultId: string, strength: number | null) {
    const item = await m.findOneBy(BacklogItemEntity, { id: itemId });
    const kr = await m.findOneBy(KeyResultEntity, { id: keyResultId });
    if (!item || !kr) return;
    await this.publisher.publish(m, strength === null ? 'backlog_item.unlinked' : 'backlog_item.linked', {
      item: itemRef(this.links, item),
      keyResult: keyResultRef(this.links, kr),
      strength,
    });
  }

  async cycleClosed(m: EntityManager, closed: CycleEntity, next: CycleEntity | null, carriedKeyResultIds: string[]) {
    await this.publisher.publish(m, 'cycle.closed', {
      cycle: cycleRef(this.links, closed),
      nextCycle: next ? cycleRef(this.links, next) : null,
      carriedKeyResultIds,
    });
  }
}
