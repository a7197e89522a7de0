// The worked example in docs/OUTCOMES.md §8. If this test changes, update the doc.
import { describe, expect, it } from 'vitest';
import { calibrateConfidence } from './calibration';
import { buildOutcomeReport, trackRecords } from './report';
import { buildOutcomeWorkedExample } from './test-factories';

describe('docs/OUTCOMES.md worked example', () => {
  const report = buildOutcomeReport(buildOutcomeWorkedExample());
  const item = (id: string) => report.items.find((i) => i.itemId === id);
  const link = (id: string) => item(id)?.links[0];

  it('lists the items newest first', () => {
    expect(report.items.map((i) => i.itemId)).toEqual(['U', 'V', 'Z', 'Y', 'X']);
  });

  it('X: a step after the ship (4.0 → 4.8 of 4 → 6): movement 0.4, pace before 0, moved; shares with Y 3 : 1', () => {
    expect(link('X')).toMatchObject({
      state: 'measured',
      provisional: false,
      valueAtDone: 4,
      paceBefore: 0,
      moved: true,
    });
    expect(link('X')?.valueAfter).toBeCloseTo(4.8, 12);
    expect(link('X')?.measuredUntil).toBe('2026-02-19T00:00:00.000Z');
    expect(link('X')?.movement).toBeCloseTo(0.4, 12);
    expect(link('X')?.paceAfter).toBeCloseTo(0.1, 12);
    expect(link('X')?.lift).toBeCloseTo(0.4, 12);
    expect(link('X')?.sharedWith).toEqual(['Y']);
    expect(link('X')?.creditShare).toBe(0.75);
    expect(link('X')?.credit).toBeCloseTo(0.3, 12);
    expect(item('X')).toMatchObject({ state: 'moved', predicted: 1.6 });
    expect(item('X')?.creditPerPoint).toBeCloseTo(0.06, 12);
  });

  it('Y: the KR was already rising at the same pace (0.05 a week before and after): not moved', () => {
    expect(link('Y')?.valueAtDone).toBeCloseTo(4.4, 12);
    expect(link('Y')?.movement).toBeCloseTo(0.2, 12);
    expect(link('Y')?.paceBefore).toBeCloseTo(0.05, 12);
    expect(link('Y')?.paceAfter).toBeCloseTo(0.05, 12);
    expect(link('Y')).toMatchObject({ lift: 0, moved: false, sharedWith: ['X'], creditShare: 0.25, credit: 0 });
    expect(item('Y')).toMatchObject({ state: 'not-moved', credit: 0, creditPerPoint: 0, predicted: 0.5 });
  });

  it('V: window not over on 15 Apr, measured to the 26 Mar check-in, provisional; 0.275 beyond its pace', () => {
    expect(link('V')).toMatchObject({ provisional: true, measuredUntil: '2026-03-26T00:00:00.000Z', valueAtDone: 5 });
    expect(link('V')?.movement).toBeCloseTo(0.3, 12);
    expect(link('V')?.paceBefore).toBeCloseTo(0.025, 12);
    expect(link('V')?.lift).toBeCloseTo(0.275, 12);
    expect(item('V')).toMatchObject({ state: 'moved', provisional: true, predicted: 1.5 });
    expect(item('V')?.creditPerPoint).toBeCloseTo(0.275 / 3, 12);
  });

  it('Z: decreasing KR, done between check-ins (interpolated 145.71 → 105.71), trend already falling: not moved', () => {
    expect(link('Z')?.valueAtDone).toBeCloseTo(150 - 30 / 7, 10);
    expect(link('Z')?.valueAfter).toBeCloseTo(110 - 30 / 7, 10);
    expect(link('Z')?.movement).toBeCloseTo(0.4, 12);
    expect(link('Z')?.paceBefore).toBeCloseTo(0.1, 12);
    expect(link('Z')).toMatchObject({ lift: 0, moved: false, credit: 0 });
  });

  it('U: no check-in since it was done: waiting', () => {
    expect(item('U')).toMatchObject({ state: 'waiting', credit: null, creditPerPoint: null });
    expect(link('U')).toMatchObject({ state: 'waiting', valueAfter: null, movement: null });
    expect(link('U')?.valueAtDone).toBe(80);
  });

  it('quarter: 4 judged of 5, 2 hits (50%), median 0.03 of range per point, too few to judge', () => {
    const q1 = report.byCycle[0]?.summary;
    expect(report.byCycle.map((c) => c.cycleId)).toEqual(['q1']);
    expect(q1).toMatchObject({
      shipped: 5,
      judged: 4,
      waiting: 1,
      provisional: 1,
      hits: 2,
      hitRate: 0.5,
      tooFew: true,
    });
    expect(q1?.sampleNote).toBe('4 items: too few to judge');
    expect(q1?.medianCreditPerPoint).toBeCloseTo(0.03, 12);
    expect(q1?.perPointSampleSize).toBe(4);
    expect(report.overall).toEqual(q1);
  });

  it('teams: Growth 2 of 3 (67%), median 0.06 per point; Support 0 of 1', () => {
    expect(report.byTeam.map((t) => t.teamId)).toEqual(['growth', 'support']);
    const [growth, support] = report.byTeam;
    expect(growth?.overall).toMatchObject({ judged: 3, hits: 2, sampleNote: '3 items: too few to judge' });
    expect(growth?.overall.hitRate).toBeCloseTo(2 / 3, 12);
    expect(growth?.overall.medianCreditPerPoint).toBeCloseTo(0.06, 12);
    expect(support?.overall).toMatchObject({ judged: 1, waiting: 1, hits: 0, hitRate: 0, medianCreditPerPoint: 0 });
  });

  it('calibration: buckets 0.5–1 (Y), 1.5–2 (X, V), 2–3 (Z); Spearman 0.105 over 4 items', () => {
    const c = report.overall.calibration;
    expect(c.buckets.map((b) => [b.label, b.count, b.hits])).toEqual([
      ['0–0.5', 0, 0],
      ['0.5–1', 1, 0],
      ['1–1.5', 0, 0],
      ['1.5–2', 2, 2],
      ['2–3', 1, 0],
    ]);
    expect(c.buckets[3]?.medianCredit).toBeCloseTo(0.2875, 12);
    expect(c.spearman).toBeCloseTo(0.5 / Math.sqrt(22.5), 12);
    expect(c.spearman).toBeCloseTo(0.1054, 4);
    expect(c).toMatchObject({ sampleSize: 4, tooFew: true, sampleNote: '4 items: too few to judge' });
  });

  it('calibrated confidence: Growth settled 1 of 2 (V is provisional) → 0.8 becomes 0.75', () => {
    const records = trackRecords(report.items);
    expect(records.get('growth')).toEqual({ hits: 1, judged: 2 });
    expect(records.get('support')).toEqual({ hits: 0, judged: 1 });
    const growth = calibrateConfidence(0.8, records.get('growth'), 10);
    expect(growth.calibrated).toBeCloseTo(0.75, 12);
    expect(growth.reason).toBe(
      "The team's key results moved after 1 of 2 shipped items (50%). Weighing the stated 80% as 10 items of history: (10 × 0.80 + 1) ÷ (10 + 2) = 0.75.",
    );
    expect(calibrateConfidence(0.8, records.get('support'), 10).calibrated).toBeCloseTo(8 / 11, 12);
  });
});
