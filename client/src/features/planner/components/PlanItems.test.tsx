// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan, PlanRow } from '@keyline/shared';
import { PlanItems } from './PlanItems';

afterEach(cleanup);

const row = (n: number, effort: number, forced = false): PlanRow => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  title: `Item ${n}`,
  effort,
  valueScore: 100 - n,
  rank: n,
  forced,
});

/** Capacity 10: items 1 (4) and 2 (5) fit, 3 (8) does not, 4 (1) still fills the gap. */
const plan = {
  items: [row(1, 4), row(2, 5), row(4, 1)],
  cutLine: { index: 2, beforeItemId: row(3, 8).id },
  belowCut: [row(3, 8)],
  capacity: 10,
  usedEffort: 10,
  remainingCapacity: 0,
} as Plan;

describe('PlanItems', () => {
  it('draws the cut line where the first item that does not fit would have gone, with the gap fillers after it', () => {
    render(<PlanItems plan={plan} label="By value" onInclude={() => undefined} onExclude={() => undefined} />);
    const items = screen.getAllByTestId('plan-item');
    expect(items.map((li) => li.querySelector('.plan-title')?.textContent)).toEqual(['Item 1', 'Item 2', 'Item 4']);
    expect(screen.getByTestId('cut-line').textContent).toBe(
      '✂ Cut line: “Item 3” (8 pts) does not fit; 1 smaller item still fits the gap.',
    );
    // The cut line sits between item 2 and item 4 in the document.
    const cut = screen.getByTestId('cut-line');
    expect(items[1]?.compareDocumentPosition(cut)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(cut.compareDocumentPosition(items[2] as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(items[2]?.querySelector('.plan-pos')?.textContent).toBe('3');
  });

  it('leaves a planned item out, and includes one that did not fit', () => {
    const onInclude = vi.fn();
    const onExclude = vi.fn();
    render(<PlanItems plan={plan} label="By value" onInclude={onInclude} onExclude={onExclude} />);
    fireEvent.click(screen.getByRole('button', { name: 'Leave out Item 2' }));
    expect(onExclude).toHaveBeenCalledWith(expect.objectContaining({ title: 'Item 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Include Item 3' }));
    expect(onInclude).toHaveBeenCalledWith(expect.objectContaining({ title: 'Item 3' }));
  });

  it('marks forced items and has no cut line when everything fits', () => {
    render(
      <PlanItems
        plan={{ ...plan, items: [row(1, 4, true)], cutLine: null, belowCut: [] }}
        label="By rank"
        onInclude={() => undefined}
        onExclude={() => undefined}
      />,
    );
    expect(screen.queryByTestId('cut-line')).toBeNull();
    expect(screen.getByText('Included by you')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop forcing Item 1' })).toBeTruthy();
  });
});
