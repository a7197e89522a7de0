import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../server/src/config';
import { openDatabase } from '../../../server/src/schema';
import { BacklogItemEntity } from '../../../server/src/features/backlog/backlog-item.entity';
import { BacklogLinkEntity } from '../../../server/src/features/backlog/backlog-link.entity';
import { seedIfEmpty } from '../../../server/src/seed/startup';
import { ADMIN } from '../../support/server-process';

/**
 * The demo organisation `npm start` seeds, scaled to `items` backlog items:
 * the demo's own items are copied (estimates, teams, statuses and KR links
 * alike) below the existing ranks until the backlog holds that many. Written
 * straight into the database before the server starts, as a long-lived
 * installation would have it.
 */
export async function seedScaledDemo(url: string, items: number): Promise<{ items: number; links: number }> {
  const db = await openDatabase(url);
  try {
    await db.migrate();
    const config = loadConfig({
      DATABASE_URL: url,
      KEYLINE_SEED: 'demo',
      KEYLINE_ADMIN_EMAIL: ADMIN.email,
      KEYLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
    });
    await seedIfEmpty(db, config);
    return await db.write(async (m) => {
      const demo = await m.find(BacklogItemEntity, { order: { rank: 'ASC' } });
      const links = await m.find(BacklogLinkEntity);
      const linksOf = new Map<string, BacklogLinkEntity[]>();
      for (const l of links) linksOf.set(l.itemId, [...(linksOf.get(l.itemId) ?? []), l]);
      const step = demo.length > 1 ? (demo.at(-1)!.rank - demo[0]!.rank) / (demo.length - 1) || 1 : 1;
      let rank = demo.at(-1)?.rank ?? 0;
      const newItems: BacklogItemEntity[] = [];
      const newLinks: BacklogLinkEntity[] = [];
      for (let i = 0; demo.length + newItems.length < items; i++) {
        const source = demo[i % demo.length]!;
        const id = randomUUID();
        rank += step;
        newItems.push({
          ...source,
          id,
          title: `${source.title} (copy ${Math.floor(i / demo.length) + 1})`,
          externalKey: null,
          rank,
        });
        for (const l of linksOf.get(source.id) ?? []) newLinks.push({ ...l, itemId: id });
      }
      for (let i = 0; i < newItems.length; i += 200) await m.insert(BacklogItemEntity, newItems.slice(i, i + 200));
      for (let i = 0; i < newLinks.length; i += 200) await m.insert(BacklogLinkEntity, newLinks.slice(i, i + 200));
      return { items: demo.length + newItems.length, links: links.length + newLinks.length };
    });
  } finally {
    await db.close();
  }
}
