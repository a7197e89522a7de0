// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateToInput, parseEstimate } from '../utils/estimates';
import { EditableCell } from './EditableCell';

function Harness({
  value,
  onSave,
  onInvalid,
}: {
  value: number | null;
  onSave: (v: number | null) => void;
  onInvalid?: (m: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <EditableCell<number | null>
      label='Effort of "Dark mode"'
      display={String(value)}
      displayText={String(value)}
      editing={editing}
      initial={estimateToInput('effort', value)}
      parse={(text) => parseEstimate('effort', text)}
      onSave={onSave}
      onInvalid={onInvalid}
      onEditingChange={setEditing}
      tabIndex={0}
    />
  );
}

const cellButton = () => screen.getByRole('button', { name: /Effort of "Dark mode"/ });
const cellInput = () => screen.getByRole('textbox', { name: 'Effort of "Dark mode"' }) as HTMLInputElement;

describe('inline edit cell', () => {
  afterEach(cleanup);

  it('turns into an input holding the value, and Enter saves the parsed number', () => {
    const onSave = vi.fn();
    render(<Harness value={3} onSave={onSave} />);
    fireEvent.click(cellButton());
    expect(cellInput().value).toBe('3');
    fireEvent.change(cellInput(), { target: { value: '8' } });
    fireEvent.keyDown(cellInput(), { key: 'Enter' });
    expect(onSave).toHaveBeenCalledWith(8);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps the input open with the reason when the value cannot be saved', () => {
    const onSave = vi.fn();
    render(<Harness value={3} onSave={onSave} />);
    fireEvent.click(cellButton());
    fireEvent.change(cellInput(), { target: { value: '0' } });
    fireEvent.keyDown(cellInput(), { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('Must be greater than 0');
    expect(cellInput().getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('Esc restores without saving; leaving unchanged saves nothing', () => {
    const onSave = vi.fn();
    render(<Harness value={3} onSave={onSave} />);
    fireEvent.click(cellButton());
    fireEvent.change(cellInput(), { target: { value: '99' } });
    fireEvent.keyDown(cellInput(), { key: 'Escape' });
    expect(cellButton().textContent).toBe('3');
    fireEvent.click(cellButton());
    fireEvent.blur(cellInput());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('clears the estimate (null, never 0) when emptied, and reports a bad value left by blur', () => {
    const onSave = vi.fn();
    const onInvalid = vi.fn();
    render(<Harness value={3} onSave={onSave} onInvalid={onInvalid} />);
    fireEvent.click(cellButton());
    fireEvent.change(cellInput(), { target: { value: '' } });
    fireEvent.keyDown(cellInput(), { key: 'Enter' });
    expect(onSave).toHaveBeenCalledWith(null);
    fireEvent.click(cellButton());
    fireEvent.change(cellInput(), { target: { value: 'lots' } });
    fireEvent.blur(cellInput());
    expect(onInvalid).toHaveBeenCalledWith('Must be a number');
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
