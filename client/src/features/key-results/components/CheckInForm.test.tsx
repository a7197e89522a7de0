// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyResult } from '@keyline/shared';
import { NotifierProvider } from '../../../components/Notifier';
import { CheckInForm, checkInMoment } from './CheckInForm';

const kr = {
  id: '6f1c1d5e-8a3b-4c2d-9e0f-1a2b3c4d5e6f',
  title: 'Tickets per week',
  metricType: 'number',
  startValue: 40,
  targetValue: 25,
  currentValue: 35,
  unit: 'tickets',
  latestConfidence: 7,
  progress: 1 / 3,
} as KeyResult;

function renderForm(keyResult: KeyResult = kr) {
  const fetchMock = vi.fn(
    async (_url: string, init: RequestInit) =>
      new Response(
        JSON.stringify({
          id: 'c1',
          keyResultId: kr.id,
          ...JSON.parse(String(init.body)),
          authorId: null,
          authorName: 'Priya',
          at: '2026-11-10T00:00:00Z',
          createdAt: '2026-11-10T00:00:00Z',
        }),
        {
          status: 201,
          headers: { 'content-type': 'application/json' },
        },
      ),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <NotifierProvider>
        <CheckInForm keyResult={keyResult} />
      </NotifierProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CheckInForm', () => {
  it('starts from the current value and the last confidence, and previews the progress the new value would mean', () => {
    renderForm();
    expect((screen.getByLabelText('Value') as HTMLInputElement).value).toBe('35');
    expect((screen.getByLabelText('Confidence (0–10)') as HTMLInputElement).value).toBe('7');
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '31' } });
    expect(screen.getByText(/would be 60% done/)).toBeTruthy();
  });

  it('posts with Ctrl+Enter from the note, sending what the shared schema parsed', async () => {
    const fetchMock = renderForm();
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '31' } });
    fireEvent.change(screen.getByLabelText('Confidence (0–10)'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('What changed? Blockers?'), { target: { value: 'Macro shipped' } });
    fireEvent.keyDown(screen.getByLabelText('What changed? Blockers?'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/key-results/${kr.id}/check-ins`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ value: 31, confidence: 5, note: 'Macro shipped' });
    // The note clears for the next check-in once the server accepted this one.
    await waitFor(() =>
      expect((screen.getByLabelText('What changed? Blockers?') as HTMLTextAreaElement).value).toBe(''),
    );
  });

  it('accepts a value typed with grouping commas, as Keyline shows it, and refuses a decimal comma', async () => {
    const fetchMock = renderForm();
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '1,520,000' } });
    fireEvent.click(screen.getByRole('button', { name: /Post check-in/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body)).value).toBe(1_520_000);
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '31,5' } });
    fireEvent.click(screen.getByRole('button', { name: /Post check-in/ }));
    await waitFor(() => expect(screen.getByText('Must be a number')).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('checks a milestone in as Done / Not done, not as a number box', async () => {
    const fetchMock = renderForm({
      ...kr,
      metricType: 'milestone',
      startValue: 0,
      targetValue: 1,
      currentValue: 0,
      unit: '',
    } as KeyResult);
    expect(screen.queryByLabelText('Value')).toBeNull();
    expect((screen.getByLabelText('Not done') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Done'));
    fireEvent.click(screen.getByRole('button', { name: /Post check-in/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body)).value).toBe(1);
  });

  it('records a number for an earlier day at that day, and for now when no day is picked', async () => {
    expect(checkInMoment('', '2026-11-20')).toBeUndefined();
    expect(checkInMoment('2026-11-20', '2026-11-20')).toBeUndefined();
    expect(checkInMoment('2026-11-13', '2026-11-20')).toBe('2026-11-13T12:00:00.000Z');
    const fetchMock = renderForm();
    fireEvent.change(screen.getByLabelText('For (optional)'), { target: { value: '2020-01-06' } });
    fireEvent.click(screen.getByRole('button', { name: /Post check-in/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body)).at).toBe(
      '2020-01-06T12:00:00.000Z',
    );
  });

  it('shows the schema messages by the fields and sends nothing when the input is invalid', async () => {
    const fetchMock = renderForm();
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'lots' } });
    fireEvent.change(screen.getByLabelText('Confidence (0–10)'), { target: { value: '11' } });
    fireEvent.click(screen.getByRole('button', { name: /Post check-in/ }));
    await waitFor(() => expect(screen.getByText('Must be a number')).toBeTruthy());
    expect(screen.getByText('At most 10')).toBeTruthy();
    expect(screen.getByLabelText('Value').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
