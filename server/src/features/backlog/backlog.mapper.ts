import { In, type EntityManager } from 'typeorm';
import type { BacklogItem, ItemSource } from '@keyline/shared';
import { itemSources } from '../integrations/item-sources';
import type { BacklogItemEntity } from './backlog-item.entity';
import { BacklogLinkEntity } from './backlog-link.entity';

/** Items with their key-result links, in one query for the whole page. */
export async function toBacklogItemDtos(m: EntityManager, rows: BacklogItemEntity[]): Promise<BacklogItem[]> {
  const links = rows.length
    ? await m.find(BacklogLinkEntity, { where: { itemId: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC' } })
    : [];
  const linksOf = new Map<string, { keyResultId: string; strength: number }[]>();
  for (const l of links) {
    const list = linksOf.get(l.itemId) ?? [];
    list.push({ keyResultId: l.keyResultId, strength: l.strength });
    linksOf.set(l.itemId, list);
  }
  const sources = await itemSources(
    m,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toBacklogItemDto(r, linksOf.get(r.id) ?? [], sources.get(r.id) ?? null));
}

export function toBacklogItemDto(
  r: BacklogItemEntity,
  links: { keyResultId: string; strength: number }[],
  source: ItemSource | null = null,
): BacklogItem {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    type: r.type,
    status: r.status,
    teamId: r.teamId,
    rank: r.rank,
    reach: r.reach,
    impact: r.impact,
    confidence: r.confidence,
    effort: r.effort,
    businessValue: r.businessValue,
    timeCriticality: r.timeCriticality,
    riskReduction: r.riskReduction,
    jobSize: r.jobSize,
    ease: r.ease,
    externalKey: r.externalKey,
    labels: r.labels ?? [],
    links,
    doneAt: r.doneAt ?? null,
    source,
    archivedAt: r.archivedAt ?? null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
