// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

afterEach(cleanup);

const renderButton = (onConfirm: (close: () => void) => void = vi.fn()) =>
  render(
    <ConfirmDeleteButton
      label="Delete"
      name="Delete Platform"
      question="Delete Platform?"
      groupName="Confirm deleting Platform"
      onConfirm={onConfirm}
    />,
  );

describe('ConfirmDeleteButton', () => {
  it('asks first, in a named group, and runs the action only on confirm', () => {
    const onConfirm = vi.fn();
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Platform' }));
    const group = screen.getByRole('group', { name: 'Confirm deleting Platform' });
    expect(group.textContent).toContain('Delete Platform?');
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('Cancel and Escape put the button back without acting, with focus on it', () => {
    const onConfirm = vi.fn();
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Platform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Platform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Platform' }));
    fireEvent.keyDown(screen.getByRole('group', { name: 'Confirm deleting Platform' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('the action can close the question itself (the row stays, e.g. after an error)', () => {
    renderButton((close) => close());
    fireEvent.click(screen.getByRole('button', { name: 'Delete Platform' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete Platform' })).toBeTruthy();
  });
});
