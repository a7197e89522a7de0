import { describe, expect, it } from 'vitest';
import { estimateToInput, formatEstimate, parseEstimate } from './estimates';

describe('estimate input', () => {
  it('clears an estimate on empty input, never turning it into 0', () => {
    expect(parseEstimate('effort', '  ')).toEqual({ ok: true, value: null });
  });

  it('takes numbers with separators', () => {
    expect(parseEstimate('reach', '12,480')).toEqual({ ok: true, value: 12480 });
    expect(parseEstimate('effort', '2.5')).toEqual({ ok: true, value: 2.5 });
  });

  it('reads confidence in percent', () => {
    expect(parseEstimate('confidence', '80%')).toEqual({ ok: true, value: 0.8 });
    expect(parseEstimate('confidence', '65')).toEqual({ ok: true, value: 0.65 });
    expect(parseEstimate('confidence', '120')).toEqual({ ok: false, message: 'Between 0 and 100%' });
    expect(estimateToInput('confidence', 0.8)).toBe('80');
    expect(formatEstimate('confidence', 0.8)).toBe('80%');
  });

  it("answers with the shared schema's message when a value is out of range", () => {
    expect(parseEstimate('effort', '0')).toEqual({ ok: false, message: 'Must be greater than 0' });
    expect(parseEstimate('impact', '4')).toEqual({ ok: false, message: 'Must be one of 0.25, 0.5, 1, 2, 3' });
    expect(parseEstimate('ease', 'lots')).toEqual({ ok: false, message: 'Must be a number' });
  });

  it('shows missing estimates as a dash', () => {
    expect(formatEstimate('effort', null)).toBe('—');
    expect(formatEstimate('reach', 12480)).toBe('12,480');
  });
});
