import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../lib/format';
import { buildChartModel, chartSentence, monthTicks, valueDomain } from './chart-series';

const cycle = { startsOn: '2026-10-01', endsOn: '2026-12-31' };
const kr = { startValue: 40, targetValue: 25, currentValue: 31 };
const checkIns = [
  // Given newest first, as the API answers.
  {
    value: 31,
    confidence: 6,
    note: 'Macro shipped',
    at: '2026-11-10T09:00:00.000Z',
    createdAt: '2026-11-10T09:00:00.000Z',
  },
  { value: 35, confidence: 8, note: '', at: '2026-10-20T09:00:00.000Z', createdAt: '2026-10-20T09:00:00.000Z' },
];
const t = (iso: string) => Date.parse(iso);

describe('buildChartModel', () => {
  it('starts at the start value on the first day, then steps through check-ins oldest first, carried to today', () => {
    const model = buildChartModel(kr, checkIns, cycle, new Date('2026-11-16T00:00:00Z'));
    expect(model.points.map((p) => [p.kind, p.value, p.confidence])).toEqual([
      ['start', 40, null],
      ['check-in', 35, 8],
      ['check-in', 31, 6],
      ['carried', 31, 6],
    ]);
    expect(model.points[0]?.t).toBe(t('2026-10-01T00:00:00Z'));
    expect(model.points[3]?.t).toBe(t('2026-11-16T00:00:00Z'));
    expect(model.checkInCount).toBe(2);
  });

  it('draws pace as a straight line from start at the cycle start to target at its end', () => {
    const model = buildChartModel(kr, checkIns, cycle, new Date('2026-11-16T00:00:00Z'));
    expect(model.pace).toEqual([
      { x: t('2026-10-01T00:00:00Z'), y: 40 },
      { x: t('2027-01-01T00:00:00Z'), y: 25 },
    ]);
    expect(model.target).toBe(25);
    expect(model.today).toBe(t('2026-11-16T00:00:00Z'));
  });

  it('carries the line only to the cycle end once the cycle is over, and shows no today line', () => {
    const model = buildChartModel(kr, checkIns, cycle, new Date('2027-03-01T00:00:00Z'));
    expect(model.points.at(-1)?.t).toBe(t('2027-01-01T00:00:00Z'));
    expect(model.today).toBeNull();
  });

  it('with no check-ins, has only the start point and today', () => {
    const model = buildChartModel({ ...kr, currentValue: 40 }, [], cycle, new Date('2026-10-15T00:00:00Z'));
    expect(model.points.map((p) => p.kind)).toEqual(['start', 'carried']);
    expect(model.checkInCount).toBe(0);
  });

  it('widens the time axis to a check-in made before the cycle started', () => {
    const early = [
      { value: 39, confidence: 5, note: '', at: '2026-09-25T00:00:00.000Z', createdAt: '2026-09-25T00:00:00.000Z' },
    ];
    const model = buildChartModel(kr, early, cycle, new Date('2026-10-15T00:00:00Z'));
    expect(model.xDomain[0]).toBe(t('2026-09-25T00:00:00Z'));
    expect(model.points[0]?.t).toBe(t('2026-09-25T00:00:00Z'));
  });
});

describe('buildChartModel: history recorded late and shipped items', () => {
  it('draws a check-in at the moment it is for, not when it was typed in', () => {
    const late = {
      value: 37,
      confidence: 5,
      note: '',
      at: '2026-10-13T00:00:00.000Z',
      createdAt: '2026-11-12T00:00:00.000Z',
    };
    const model = buildChartModel(kr, [...checkIns, late], cycle, new Date('2026-11-16T00:00:00Z'));
    expect(model.points.filter((p) => p.kind === 'check-in').map((p) => p.value)).toEqual([37, 35, 31]);
  });

  it('keeps every one of nine weekly check-ins, the last one included', () => {
    const nine = Array.from({ length: 9 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 9, 7 + 7 * i)).toISOString();
      return { value: 40 - i, confidence: 6, note: '', at, createdAt: at };
    });
    const model = buildChartModel(kr, nine, cycle, new Date('2026-12-06T00:00:00Z'));
    const drawn = model.points.filter((p) => p.kind === 'check-in');
    expect(drawn).toHaveLength(9);
    expect(drawn.at(-1)?.t).toBe(t('2026-12-02T00:00:00Z'));
    expect(model.points.at(-1)?.kind).toBe('carried');
  });

  it('marks shipped items inside the axis, oldest first, with the window after each clipped to the axis', () => {
    const shipped = [
      {
        itemId: 'b',
        title: 'Billing FAQ',
        doneAt: '2026-12-20T00:00:00Z',
        windowDays: 28,
        state: 'waiting' as const,
        provisional: false,
      },
      {
        itemId: 'a',
        title: 'Refund macro',
        doneAt: '2026-10-15T00:00:00Z',
        windowDays: 28,
        state: 'moved' as const,
        provisional: false,
      },
      {
        itemId: 'c',
        title: 'Last year',
        doneAt: '2025-12-01T00:00:00Z',
        windowDays: 28,
        state: 'moved' as const,
        provisional: false,
      },
    ];
    const model = buildChartModel(kr, checkIns, cycle, new Date('2026-12-21T00:00:00Z'), shipped);
    expect(
      model.shipped.map((m) => [
        m.itemId,
        new Date(m.t).toISOString().slice(0, 10),
        new Date(m.windowEnd).toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ['a', '2026-10-15', '2026-11-12'],
      ['b', '2026-12-20', '2027-01-01'],
    ]);
  });
});

describe('valueDomain', () => {
  it('spans every value with some padding, not below zero for non-negative data', () => {
    const [low, high] = valueDomain([40, 25, 31]);
    expect(low).toBeLessThan(25);
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeGreaterThan(40);
    expect(valueDomain([0, 5])[0]).toBe(0);
    expect(valueDomain([-10, 5])[0]).toBeLessThan(-10);
  });
});

describe('monthTicks', () => {
  it('ticks the first day of each month in range', () => {
    expect(
      monthTicks(t('2026-10-01T00:00:00Z'), t('2027-01-01T00:00:00Z')).map((x) =>
        new Date(x).toISOString().slice(0, 10),
      ),
    ).toEqual(['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01']);
    expect(monthTicks(t('2026-10-15T00:00:00Z'), t('2026-11-20T00:00:00Z')).length).toBe(1);
  });
});

describe('chartSentence', () => {
  const full = { ...kr, unit: 'tickets', metricType: 'number' as const, progress: 0.6 };

  it('reads the latest value against target and pace, with the latest confidence in words', () => {
    expect(chartSentence(full, checkIns, 0.5)).toBe(
      `31 tickets of a target of 25 tickets (from 40 tickets) on ${formatDay('2026-11-10')}, 60% done; pace expects 50%. 2 check-ins, latest confidence 6/10 (On track).`,
    );
  });

  it('counts the linked items that shipped', () => {
    expect(chartSentence(full, checkIns, 0.5, 2)).toMatch(/\. 2 linked items shipped\.$/);
  });

  it('says there are no check-ins yet rather than reading as zero', () => {
    expect(chartSentence({ ...full, currentValue: 40, progress: 0 }, [], 0.2)).toBe(
      'No check-ins yet: 40 tickets against a target of 25 tickets (from 40 tickets), 0% done; pace expects 20%.',
    );
  });
});
