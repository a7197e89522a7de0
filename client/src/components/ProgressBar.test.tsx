// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from './ProgressBar';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('clamps the bar but not the number, and tells assistive tech the pace too', () => {
    const { container, getByRole } = render(<ProgressBar value={1.28} pace={0.5} label="Progress of ARR" />);
    expect(container.textContent).toContain('128%');
    expect((container.querySelector('.okr-bar-fill') as HTMLElement).style.width).toBe('100%');
    const bar = getByRole('progressbar', { name: 'Progress of ARR' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('128%, pace expects 50%');
  });

  it('shows a missing value as "—" labelled "No data", not 0%', () => {
    const { container, getByRole } = render(<ProgressBar value={null} label="Progress of O2" />);
    expect(container.textContent).toContain('—');
    expect(container.textContent).not.toContain('0%');
    expect(getByRole('progressbar').getAttribute('aria-valuetext')).toBe('No data');
  });
});
