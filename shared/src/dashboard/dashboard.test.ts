import { describe, expect, it } from 'vitest';
import { outputWithoutOutcome } from './outcome';
import { krStatus, statusSeverity, worstStatus } from '../key-results/status';

describe('krStatus', () => {
  it('reads pace: ≥ 0.9 of expected on track, ≥ 0.7 at risk, below off track', () => {
    const at = (progress: number) => krStatus({ progress, expectedProgress: 0.5, confidence: 7, hasCheckIn: true });
    expect(at(0.45).status).toBe('on-track');
    expect(at(0.4)).toEqual({ status: 'at-risk', atRisk: true, reasons: ['behind-pace'] });
    expect(at(0.3).status).toBe('off-track');
  });

  it('reads confidence: ≤ 4 at risk, ≤ 2 off track, even on pace', () => {
    expect(krStatus({ progress: 0.8, expectedProgress: 0.5, confidence: 4, hasCheckIn: true })).toEqual({
      status: 'at-risk',
      atRisk: true,
      reasons: ['low-confidence'],
    });
    expect(krStatus({ progress: 0.8, expectedProgress: 0.5, confidence: 2, hasCheckIn: true }).status).toBe(
      'off-track',
    );
    expect(krStatus({ progress: 0.8, expectedProgress: 0.5, confidence: 5, hasCheckIn: true }).atRisk).toBe(false);
  });

  it('says "no check-in" before the first check-in but still flags a KR behind pace', () => {
    expect(krStatus({ progress: 0, expectedProgress: 0.5, confidence: null, hasCheckIn: false })).toEqual({
      status: 'no-check-in',
      atRisk: true,
      reasons: ['behind-pace'],
    });
    expect(krStatus({ progress: 0, expectedProgress: 0, confidence: null, hasCheckIn: false }).atRisk).toBe(false);
  });

  it('rolls up to the worst checked-in status', () => {
    expect(worstStatus(['on-track', 'at-risk', 'no-check-in'])).toBe('at-risk');
    expect(worstStatus(['no-check-in', 'no-check-in'])).toBe('no-check-in');
    expect(worstStatus([])).toBe('no-check-in');
    expect(statusSeverity('off-track')).toBeLessThan(statusSeverity('on-track'));
  });
});

describe('outputWithoutOutcome', () => {
  const base = { startValue: 10, targetValue: 20, currentValue: 12 };
  const done = (doneAt: string) => ({ status: 'done', doneAt });

  it('flags a KR whose work is mostly done while its value has not moved since', () => {
    const gap = outputWithoutOutcome({
      ...base,
      linkedItems: [done('2026-02-10T00:00:00Z'), done('2026-02-01T00:00:00Z'), { status: 'ready', doneAt: null }],
      checkIns: [
        { at: '2026-01-20T00:00:00Z', value: 12 },
        { at: '2026-02-15T00:00:00Z', value: 12 },
      ],
    });
    expect(gap).toEqual({
      linkedItems: 3,
      doneItems: 2,
      doneSince: '2026-02-01T00:00:00Z',
      progressThen: 0.2,
      progressNow: 0.2,
    });
  });

  it('does not flag when the KR moved after the work was done', () => {
    expect(
      outputWithoutOutcome({
        ...base,
        currentValue: 14,
        linkedItems: [done('2026-02-01T00:00:00Z')],
        checkIns: [
          { at: '2026-01-20T00:00:00Z', value: 12 },
          { at: '2026-02-15T00:00:00Z', value: 14 },
        ],
      }),
    ).toBeNull();
  });

  it('needs two thirds of the live linked items done; dropped ones do not count', () => {
    const items = [
      done('2026-02-01T00:00:00Z'),
      { status: 'in-progress', doneAt: null },
      { status: 'idea', doneAt: null },
    ];
    expect(outputWithoutOutcome({ ...base, linkedItems: items, checkIns: [] })).toBeNull();
    const withDropped = [
      done('2026-02-01T00:00:00Z'),
      done('2026-02-02T00:00:00Z'),
      { status: 'idea', doneAt: null },
      { status: 'dropped', doneAt: null },
    ];
    expect(
      outputWithoutOutcome({ ...base, currentValue: 10, linkedItems: withDropped, checkIns: [] })?.linkedItems,
    ).toBe(3);
  });

  it('compares with the start value when there was no check-in before the work was done, and works for decreasing targets', () => {
    const down = { startValue: 40, targetValue: 10, currentValue: 40 };
    expect(
      outputWithoutOutcome({ ...down, linkedItems: [done('2026-02-01T00:00:00Z')], checkIns: [] })?.progressThen,
    ).toBe(0);
    expect(
      outputWithoutOutcome({
        ...down,
        currentValue: 30,
        linkedItems: [done('2026-02-01T00:00:00Z')],
        checkIns: [{ at: '2026-03-01T00:00:00Z', value: 30 }],
      }),
    ).toBeNull();
  });

  it('never flags an achieved KR or one with no done work', () => {
    expect(
      outputWithoutOutcome({ ...base, currentValue: 20, linkedItems: [done('2026-02-01T00:00:00Z')], checkIns: [] }),
    ).toBeNull();
    expect(outputWithoutOutcome({ ...base, linkedItems: [], checkIns: [] })).toBeNull();
  });
});
