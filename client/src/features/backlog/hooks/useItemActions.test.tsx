// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backlogItemKeys } from '../../../lib/query-keys';
import type { BacklogRow as BacklogRow } from '@keyline/shared';
import type { BacklogListData } from '../api/types';
import { UNSCORED } from '../test/unscored';
import { flattenPages } from '../utils/cached-pages';
import { DEFAULT_VIEW } from '../utils/view';
import { useItemActions } from './useItemActions';
import { useRowIssues } from './useRowIssues';

const ITEM: BacklogRow = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Dark mode',
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
};
const KEY = backlogItemKeys.list('sort=rank');

function setup(respond: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => respond(init));
  vi.stubGlobal('fetch', fetchMock);
  const qc = new QueryClient();
  qc.setQueryData<BacklogListData>(KEY, { pages: [{ items: [ITEM], total: 1, nextCursor: null }], pageParams: [null] });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  );
  const announce = vi.fn();
  const { result } = renderHook(
    () => {
      const issues = useRowIssues();
      return {
        issues,
        actions: useItemActions({ queryKey: KEY, view: DEFAULT_VIEW, liveKeyResultIds: undefined }, issues, announce),
      };
    },
    { wrapper },
  );
  const cached = () => flattenPages(qc.getQueryData<BacklogListData>(KEY))[0];
  return { fetchMock, result, cached, announce };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('optimistic item edits', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the edit at once, sends If-Match, and keeps the server copy with its new version', async () => {
    let seenDuringRequest: number | null | undefined;
    const { fetchMock, result, cached, announce } = setup(() => {
      seenDuringRequest = cached()?.effort;
      return json(200, { ...ITEM, effort: 8, version: 5 });
    });
    await act(() => result.current.actions.saveFields(ITEM.id, { effort: 8 }, 'effort'));
    expect(seenDuringRequest).toBe(8);
    expect((fetchMock.mock.calls[0]?.[1] as RequestInit).headers).toMatchObject({ 'if-match': '"4"' });
    expect(cached()).toMatchObject({ effort: 8, version: 5 });
    expect(announce).toHaveBeenCalledWith('Saved effort for "Dark mode"');
  });

  it('rolls back on a 412 and records the conflict with both versions for the row', async () => {
    const theirs = { ...ITEM, effort: 5, version: 5 };
    const { result, cached } = setup(() =>
      json(412, { error: { code: 'VERSION_CONFLICT', message: 'Changed', current: theirs } }),
    );
    let saved: boolean | undefined;
    await act(async () => {
      saved = await result.current.actions.saveFields(ITEM.id, { effort: 13 }, 'effort');
    });
    expect(saved).toBe(false);
    expect(cached()?.effort).toBe(3);
    expect(result.current.issues.issues[ITEM.id]).toMatchObject({
      kind: 'conflict',
      patch: { effort: 13 },
      title: 'Dark mode',
    });

    act(() => result.current.actions.keepTheirs(ITEM.id, theirs));
    expect(cached()).toMatchObject({ effort: 5, version: 5 });
    expect(result.current.issues.issues[ITEM.id]).toBeUndefined();
  });

  it('rolls back and marks the row "Not saved" when the server fails', async () => {
    const { result, cached } = setup(() =>
      json(500, { error: { code: 'INTERNAL', message: 'Something broke on our side' } }),
    );
    await act(() => result.current.actions.saveFields(ITEM.id, { effort: 8 }, 'effort'));
    expect(cached()?.effort).toBe(3);
    expect(result.current.issues.issues[ITEM.id]).toEqual({
      kind: 'failed',
      what: 'effort',
      message: 'Something broke on our side',
    });
  });

  it('runs two quick edits of one item in order, the second with the version the first returned', async () => {
    let version = 4;
    const { fetchMock, result, cached } = setup((init) => {
      const body = JSON.parse(String(init.body)) as Partial<BacklogRow>;
      version += 1;
      return json(200, { ...cached(), ...body, version });
    });
    await act(() =>
      Promise.all([
        result.current.actions.saveFields(ITEM.id, { effort: 5 }, 'effort'),
        result.current.actions.saveFields(ITEM.id, { reach: 100 }, 'reach'),
      ]),
    );
    const ifMatch = fetchMock.mock.calls.map(
      (c) => ((c[1] as RequestInit).headers as Record<string, string>)['if-match'],
    );
    expect(ifMatch).toEqual(['"4"', '"5"']);
    expect(cached()).toMatchObject({ effort: 5, reach: 100, version: 6 });
  });
});
