// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyResult } from '@keyline/shared';
import { NotifierProvider } from '../../../components/Notifier';
import { GradeRow } from './GradeRow';

const kr = {
  id: '6f1c1d5e-8a3b-4c2d-9e0f-1a2b3c4d5e6f',
  title: 'Tickets per week',
  metricType: 'number',
  startValue: 40,
  targetValue: 20,
  currentValue: 27,
  unit: 'tickets',
  progress: 0.65,
  suggestedGrade: 0.7,
  grade: null,
  gradeNote: '',
  gradedAt: null,
  gradeBand: null,
  version: 4,
} as unknown as KeyResult;

function renderRow(canEdit = true) {
  const fetchMock = vi.fn(
    async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify({ ...kr, ...JSON.parse(String(init.body)), version: 5 }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <NotifierProvider>
        <ul>
          <GradeRow keyResult={kr} canEdit={canEdit} />
        </ul>
      </NotifierProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('GradeRow', () => {
  it('starts from the suggested grade and shows the band as icon and word while typing', () => {
    renderRow();
    const input = screen.getByLabelText('Grade') as HTMLInputElement;
    expect(input.value).toBe('0.7');
    expect(screen.getByText(/0\.7 · Met/)).toBeTruthy();
    fireEvent.change(input, { target: { value: '0.4' } });
    expect(screen.getByText(/0\.4 · Progress/)).toBeTruthy();
    fireEvent.change(input, { target: { value: '0.2' } });
    expect(screen.getByText(/0\.2 · Missed/)).toBeTruthy();
    fireEvent.change(input, { target: { value: '0.25' } });
    expect(screen.getByText('Use steps of 0.1 (0.6, 0.7, …)')).toBeTruthy();
  });

  it('saves the grade and retro note with If-Match on the KR version', async () => {
    const fetchMock = renderRow();
    fireEvent.change(screen.getByLabelText('Grade'), { target: { value: '0.6' } });
    fireEvent.change(screen.getByLabelText('Retro note'), { target: { value: 'Macro shipped late' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save grade' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/key-results/${kr.id}/grade`);
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>)['if-match']).toBe('"4"');
    expect(JSON.parse(String(init.body))).toEqual({ grade: 0.6, note: 'Macro shipped late' });
    await screen.findByText(/Graded “Tickets per week” 0\.6/);
  });

  it('sends nothing for a grade the server would refuse', () => {
    const fetchMock = renderRow();
    fireEvent.change(screen.getByLabelText('Grade'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save grade' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getAllByText('A grade is between 0.0 and 1.0').length).toBeGreaterThan(0);
  });

  it('is read-only for viewers', () => {
    renderRow(false);
    expect(screen.queryByLabelText('Grade')).toBeNull();
    expect(screen.getByText('Not graded yet')).toBeTruthy();
  });
});
