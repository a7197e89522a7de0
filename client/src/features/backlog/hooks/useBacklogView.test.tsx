// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useBacklogView } from './useBacklogView';

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>
  );
  return renderHook(() => ({ view: useBacklogView(), location: useLocation() }), { wrapper });
}

describe('backlog view in the URL', () => {
  afterEach(cleanup);

  it('reads the filters from the URL it was opened with', () => {
    const { result } = setup('/backlog?unlinked=true&sort=effort&order=desc');
    const [view] = result.current.view;
    expect([view.unlinked, view.sort, view.order]).toEqual([true, 'effort', 'desc']);
  });

  it('writes a change to the URL and shows it at once', () => {
    const { result } = setup('/backlog');
    act(() => result.current.view[1]((v) => ({ ...v, unlinked: true })));
    expect(result.current.view[0].unlinked).toBe(true);
    expect(result.current.location.search).toBe('?unlinked=true');
    act(() => result.current.view[1]((v) => ({ ...v, q: 'csv' })));
    expect(result.current.location.search).toBe('?unlinked=true&q=csv');
  });
});
