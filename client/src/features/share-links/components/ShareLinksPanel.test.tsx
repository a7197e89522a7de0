// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShareLink } from '@keyline/shared';
import { NotifierProvider } from '../../../components/Notifier';
import { ShareLinksPanel } from './ShareLinksPanel';

const link = (over: Partial<ShareLink>): ShareLink => ({
  id: '7a000000-0000-4000-8000-000000000001',
  name: 'Board',
  createdById: null,
  createdByName: 'Priya',
  expiresAt: null,
  revokedAt: null,
  status: 'active',
  version: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  ...over,
});

function renderPanel(initial: ShareLink[]) {
  let links = initial;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === 'POST') {
      const created = link({ id: '7a000000-0000-4000-8000-000000000009', name: JSON.parse(String(init.body)).name });
      links = [created, ...links];
      return json({ ...created, token: 'tok_secret', url: '/shared/tok_secret' }, 201);
    }
    if (init.method === 'DELETE') {
      links = links.map((l) => (url.endsWith(l.id) ? { ...l, status: 'revoked' as const, version: 2 } : l));
      return new Response(null, { status: 204 });
    }
    return json(links);
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <NotifierProvider>
        <ShareLinksPanel teamId="team-1" />
      </NotifierProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ShareLinksPanel', () => {
  it('creates a link and shows its full address once, keeping the team', async () => {
    const fetchMock = renderPanel([]);
    await screen.findByText('No links yet.');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Q4 board review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create link' }));
    const url = (await screen.findByTestId('created-share-url')) as HTMLInputElement;
    expect(url.value).toBe(`${window.location.origin}/shared/tok_secret?team=team-1`);
    const post = fetchMock.mock.calls.find(([, init]) => init.method === 'POST') as [string, RequestInit];
    expect(JSON.parse(String(post[1].body))).toEqual({ name: 'Q4 board review', expiresAt: null });
    await waitFor(() => expect(screen.getAllByTestId('share-link-row')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId('created-share-url')).toBeNull();
  });

  it('lists links with their status in words, and revokes an active one after a second click', async () => {
    const fetchMock = renderPanel([
      link({}),
      link({
        id: '7a000000-0000-4000-8000-000000000002',
        name: 'Old',
        status: 'expired',
        expiresAt: '2026-11-01T00:00:00.000Z',
      }),
    ]);
    const rows = await screen.findAllByTestId('share-link-row');
    expect(rows.map((r) => within(r).getByText(/Active|Expired|Revoked/).textContent)).toEqual([
      '● Active',
      '○ Expired',
    ]);
    expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke Board' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke “Board”' }));
    await waitFor(() => expect(screen.getAllByText(/Revoked/).length).toBeGreaterThan(0));
    const del = fetchMock.mock.calls.find(([, init]) => init.method === 'DELETE') as [string, RequestInit];
    expect(del[0]).toBe('/api/share-links/7a000000-0000-4000-8000-000000000001');
    expect((del[1].headers as Record<string, string>)['if-match']).toBe('"1"');
  });

  it('refuses a blank name before asking the server', async () => {
    const fetchMock = renderPanel([]);
    await screen.findByText('No links yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Create link' }));
    expect(screen.getByText('Required')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init.method === 'POST')).toBe(false);
  });
});
