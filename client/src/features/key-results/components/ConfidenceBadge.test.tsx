// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfidenceBadge } from './ConfidenceBadge';

afterEach(cleanup);

describe('ConfidenceBadge', () => {
  it('shows the band as icon and word with the score, never colour alone', () => {
    const { container } = render(<ConfidenceBadge confidence={4} />);
    expect(container.textContent).toBe('▲ At risk 4/10 confidence');
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('▲');
  });

  it('reads "No check-in" without a score when nobody has judged it yet', () => {
    const { container } = render(<ConfidenceBadge confidence={null} />);
    expect(container.textContent).toBe('○ No check-in');
  });
});
