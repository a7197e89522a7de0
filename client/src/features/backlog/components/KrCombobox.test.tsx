// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KrOption } from '../utils/kr-options';
import { KrCombobox } from './KrCombobox';

const OPTIONS: KrOption[] = [
  { id: 'a', title: 'Activation rate 30% to 45%', objectiveTitle: 'Faster onboarding' },
  { id: 'b', title: 'Onboarding steps under 5', objectiveTitle: 'Faster onboarding' },
  { id: 'c', title: 'Trial to paid 4% to 6%', objectiveTitle: 'Grow revenue' },
];

describe('KR picker combobox', () => {
  afterEach(cleanup);

  it('filters as you type, moves with the arrow keys and picks with Enter', () => {
    const onPick = vi.fn();
    render(<KrCombobox options={OPTIONS} linked={new Map([['c', 2]])} onPick={onPick} />);
    const input = screen.getByRole('combobox', { name: 'Find a key result' });
    expect(screen.getAllByRole('option')).toHaveLength(3);
    expect(screen.getByRole('option', { name: /Trial to paid/ }).textContent).toContain('already linked, strength 2');

    fireEvent.change(input, { target: { value: 'onboarding' } });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.querySelector('.kr-option-title')?.textContent)).toEqual([
      'Onboarding steps under 5',
      'Activation rate 30% to 45%',
    ]);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(OPTIONS[0]);
  });

  it('says so when nothing matches, and Enter then picks nothing', () => {
    const onPick = vi.fn();
    render(<KrCombobox options={OPTIONS} linked={new Map()} onPick={onPick} />);
    const input = screen.getByRole('combobox', { name: 'Find a key result' });
    fireEvent.change(input, { target: { value: 'churn' } });
    expect(screen.getByRole('status').textContent).toBe('No key result matches "churn".');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).not.toHaveBeenCalled();
  });
});
