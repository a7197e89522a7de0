import type { BacklogRow } from '@keyline/shared';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  alignmentKeys,
  backlogItemKeys,
  dashboardKeys,
  keyResultKeys,
  outcomeKeys,
  plannerKeys,
} from '../../../lib/query-keys';
import { UNSCORED } from '../test/unscored';
import { runMutation, updateItemMutation } from './backlog-items.api';
import type { BacklogListData, BacklogPage } from './types';

const row = (id: string, title: string): BacklogRow => ({
  id,
  title,
  description: '',
  type: 'feature',
  status: 'idea',
  teamId: null,
  rank: 1024,
  reach: null,
  impact: null,
  confidence: null,
  effort: 3,
  businessValue: null,
  timeCriticality: null,
  riskReduction: null,
  jobSize: null,
  ease: null,
  externalKey: null,
  source: null,
  archivedAt: null,
  labels: [],
  links: [],
  doneAt: null,
  version: 4,
  createdAt: '',
  updatedAt: '',
  ...UNSCORED,
});
const A = row('11111111-1111-4111-8111-111111111111', 'Dark mode');
const B = row('22222222-2222-4222-8222-222222222222', 'Billing FAQ');

const LIST = backlogItemKeys.list('sort=rank');
const LINKED = backlogItemKeys.page(`keyResultId=kr&limit=100`);
const page = (items: BacklogRow[]): BacklogPage => ({ items, total: items.length, nextCursor: null });

/** A query client holding the item in three views: the backlog table, the KR page's linked items, the panel. */
function cache() {
  const qc = new QueryClient();
  qc.setQueryData<BacklogListData>(LIST, { pages: [page([A, B])], pageParams: [null] });
  qc.setQueryData<BacklogPage>(LINKED, page([A]));
  qc.setQueryData<BacklogRow>(backlogItemKeys.detail(A.id), A);
  for (const key of [alignmentKeys.all, dashboardKeys.all, plannerKeys.all, outcomeKeys.all, keyResultKeys.all])
    qc.setQueryData([...key, 'some view'], { any: 'figures' });
  const views = () => ({
    list: qc.getQueryData<BacklogListData>(LIST)?.pages[0]?.items.find((i) => i.id === A.id),
    linked: qc.getQueryData<BacklogPage>(LINKED)?.items[0],
    detail: qc.getQueryData<BacklogRow>(backlogItemKeys.detail(A.id)),
  });
  return { qc, views };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const ifMatch = (init: RequestInit) => (init.headers as Record<string, string>)['if-match'];

describe('backlog item edits as mutations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an edit at once in every view that holds the item, and stores the server copy in all of them', async () => {
    const { qc, views } = cache();
    let during: ReturnType<typeof views> | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        during = views();
        return json(200, { ...A, title: 'Dark theme', version: 5 });
      }),
    );
    await runMutation(qc, updateItemMutation(qc, A.id), { patch: { title: 'Dark theme' }, version: A.version });
    expect(during?.list?.title).toBe('Dark theme');
    expect(during?.linked?.title).toBe('Dark theme');
    expect(during?.detail?.title).toBe('Dark theme');
    expect(views()).toMatchObject({
      list: { title: 'Dark theme', version: 5 },
      linked: { title: 'Dark theme', version: 5 },
      detail: { title: 'Dark theme', version: 5 },
    });
  });

  it('rolls the edit back in every view on a 412, keeping the conflict for the caller', async () => {
    const { qc, views } = cache();
    const theirs = { ...A, title: 'Night mode', version: 5 };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(412, { error: { code: 'VERSION_CONFLICT', message: 'Changed', current: theirs } })),
    );
    await expect(
      runMutation(qc, updateItemMutation(qc, A.id), { patch: { title: 'Dark theme' }, version: A.version }),
    ).rejects.toMatchObject({ status: 412, code: 'VERSION_CONFLICT', body: { current: theirs } });
    expect(views()).toMatchObject({
      list: { title: 'Dark mode', version: 4 },
      linked: { title: 'Dark mode', version: 4 },
      detail: { title: 'Dark mode', version: 4 },
    });
  });

  it('marks every view of backlog items and every scored view stale once the edit settles', async () => {
    const { qc } = cache();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { ...A, effort: 8, version: 5 })),
    );
    await runMutation(qc, updateItemMutation(qc, A.id), { patch: { effort: 8 }, version: A.version });
    const stale = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;
    expect(stale(LIST)).toBe(true);
    expect(stale(LINKED)).toBe(true);
    expect(stale(backlogItemKeys.detail(A.id))).toBe(true);
    for (const key of [alignmentKeys.all, dashboardKeys.all, plannerKeys.all, outcomeKeys.all, keyResultKeys.all])
      expect(stale([...key, 'some view'])).toBe(true);
  });

  it("runs one item's edits one after another, the second with the version the first returned; other items' edits do not wait", async () => {
    const { qc, views } = cache();
    const pending: { url: string; init: RequestInit; answer: (res: Response) => void }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => new Promise<Response>((answer) => pending.push({ url, init, answer }))),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const first = runMutation(qc, updateItemMutation(qc, A.id), { patch: { effort: 5 }, version: 4 });
    const second = runMutation(qc, updateItemMutation(qc, A.id), { patch: { reach: 100 }, version: 4 });
    const other = runMutation(qc, updateItemMutation(qc, B.id), { patch: { effort: 1 }, version: 4 });
    await settle();
    // The first edit of A and the edit of B are on the wire; the second edit of A waits, already on screen.
    expect(pending.map((p) => p.url)).toEqual([`/api/backlog-items/${A.id}`, `/api/backlog-items/${B.id}`]);
    expect(views().list).toMatchObject({ effort: 5, reach: 100 });

    pending[1]?.answer(json(200, { ...B, effort: 1, version: 5 }));
    await other;
    expect(pending).toHaveLength(2);

    pending[0]?.answer(json(200, { ...A, effort: 5, version: 5 }));
    await first;
    await settle();
    expect(pending).toHaveLength(3);
    expect(pending.map((p) => ifMatch(p.init))).toEqual(['"4"', '"4"', '"5"']);
    pending[2]?.answer(json(200, { ...A, effort: 5, reach: 100, version: 6 }));
    await second;
    expect(views().list).toMatchObject({ effort: 5, reach: 100, version: 6 });
  });
});
