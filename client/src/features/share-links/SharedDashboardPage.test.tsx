// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDashboard } from '../dashboard/test/dashboard-fixture';
import { SharedDashboardPage } from './SharedDashboardPage';

function renderAt(path: string, answer: () => Response) {
  const fetchMock = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/shared/:token" element={<SharedDashboardPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return fetchMock;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SharedDashboardPage', () => {
  it('shows the dashboard read-only through the token, with no navigation and no links into the app', async () => {
    const fetchMock = renderAt('/shared/tok_1?team=t1', () => json(buildDashboard(), 200));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('2026-Q4, data as of 27 Nov 09:00 UTC');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/shared/tok_1/dashboard?teamId=t1');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
  });

  it('says a dead link is dead, once, without retrying', async () => {
    const fetchMock = renderAt('/shared/gone', () =>
      json({ error: { code: 'NOT_FOUND', message: 'No such link' } }, 404),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This link has expired or was revoked. Ask the person who shared it for a new one.',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('offers a retry when the server itself fails', async () => {
    renderAt('/shared/tok_1', () =>
      json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }, 500),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on our side');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
