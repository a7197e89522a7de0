// Property tests: the guarantees of docs/OUTCOMES.md over random histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateConfidence } from './calibration';
import { buildOutcomeReport } from './report';
import type { OutcomeSettings } from './settings';
import { buildOutcomeCycle, buildOutcomeItem, buildOutcomeKeyResult } from './test-factories';
import type { MeasureOutcomesInput, OutcomeItem, OutcomeKeyResult } from './types';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
// One long cycle so any generated day falls inside it.
const CYCLE = buildOutcomeCycle({ id: 'c', startsOn: '2025-01-01', endsOn: '2026-12-31' });
const START = Date.UTC(2025, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

const settingsArb: fc.Arbitrary<OutcomeSettings> = fc.record({
  windowDays: fc.integer({ min: 7, max: 182 }),
  noiseThreshold: fc.constantFrom(0, 0.01, 0.05, 0.1),
});

/** start and target ≠ start, either direction. */
const rangeArb = fc
  .record({ start: fc.integer({ min: -1000, max: 1000 }), span: fc.integer({ min: 1, max: 1000 }), up: fc.boolean() })
  .map(({ start, span, up }) => ({ startValue: start, targetValue: up ? start + span : start - span }));

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('outcome properties', () => {
  it('a KR that never moves gives hit rate 0 (and no movement at all)', () => {
    fc.assert(
      fc.property(
        rangeArb,
        settingsArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 30 }), // check-in days
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 600 }), strength: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 700 }),
        (range, settings, checkInDays, ships, asOfDay) => {
          const kr = buildOutcomeKeyResult({
            id: 'flat',
            cycleId: 'c',
            ...range,
            checkIns: checkInDays.map((d) => ({ at: iso(START + d * DAY), value: range.startValue })),
          });
          const items = ships.map((s, i) =>
            buildOutcomeItem({
              id: `i${i}`,
              doneAt: iso(START + s.day * DAY + 3_600_000),
              links: [{ keyResultId: 'flat', strength: s.strength }],
            }),
          );
          const report = buildOutcomeReport({
            cycles: [CYCLE],
            keyResults: [kr],
            items,
            settings,
            asOf: iso(START + asOfDay * DAY),
          });
          expect(report.overall.hits).toBe(0);
          expect([0, null]).toContain(report.overall.hitRate);
          if (report.overall.judged > 0) expect(report.overall.hitRate).toBe(0);
          for (const item of report.items)
            for (const link of item.links) {
              if (link.state === 'measured') expect([link.movement, link.lift, link.credit]).toEqual([0, 0, 0]);
            }
        },
      ),
    );
  });

  it('a step change at the first check-in after a ship counts as moved', () => {
    fc.assert(
      fc.property(
        rangeArb,
        settingsArb,
        fc.integer({ min: 0, max: 20 }), // flat check-ins before the ship
        fc.integer({ min: 0, max: DAY - 1 }), // ship this long after the last flat check-in
        fc.double({ min: 0.2, max: 1.5, noNaN: true }), // step, as a share of the range
        fc.integer({ min: 1, max: 10 }), // check-ins after the step
        fc.integer({ min: 0, max: 400 }), // asOf, days after the step
        (range, settings, flat, offset, step, after, asOfDays) => {
          const span = range.targetValue - range.startValue;
          const firstCheckIn = START + 3 * DAY;
          const stepAt = firstCheckIn + flat * WEEK;
          const lastFlat = stepAt - WEEK; // before the first check-in: the start value at the cycle's start
          const doneMs = Math.max(lastFlat, START) + offset;
          const checkIns = [
            ...Array.from({ length: flat }, (_, i) => ({ at: iso(firstCheckIn + i * WEEK), value: range.startValue })),
            ...Array.from({ length: after }, (_, i) => ({
              at: iso(stepAt + i * WEEK),
              value: range.startValue + step * span,
            })),
          ];
          const report = buildOutcomeReport({
            cycles: [CYCLE],
            keyResults: [buildOutcomeKeyResult({ id: 'kr', cycleId: 'c', ...range, checkIns })],
            items: [buildOutcomeItem({ id: 'shipped', doneAt: iso(doneMs) })],
            settings: { ...settings, noiseThreshold: Math.min(settings.noiseThreshold, 0.1) },
            asOf: iso(stepAt + asOfDays * DAY),
          });
          expect(report.items[0]?.state).toBe('moved');
          expect(report.overall.hitRate).toBe(1);
        },
      ),
    );
  });

  it('a KR already moving at the same pace before the ship does not count', () => {
    fc.assert(
      fc.property(
        rangeArb,
        settingsArb,
        fc.double({ min: 0.001, max: 0.2, noNaN: true }), // pace: share of the range per week
        fc.integer({ min: 2, max: 60 }), // weekly check-ins
        fc.integer({ min: 1, max: 59 }), // ship after this many check-ins…
        fc.integer({ min: 0, max: WEEK - 1 }), // …plus this long
        fc.integer({ min: 0, max: 500 }),
        (range, settings, pace, count, shipAfter, offset, asOfDays) => {
          fc.pre(shipAfter < count);
          const span = range.targetValue - range.startValue;
          const valueAt = (ms: number) => range.startValue + (pace * span * (ms - START)) / WEEK;
          const checkIns = Array.from({ length: count }, (_, i) => {
            const at = START + (i + 1) * WEEK;
            return { at: iso(at), value: valueAt(at) };
          });
          const doneMs = START + shipAfter * WEEK + offset;
          const report = buildOutcomeReport({
            cycles: [CYCLE],
            keyResults: [buildOutcomeKeyResult({ id: 'kr', cycleId: 'c', ...range, checkIns })],
            items: [buildOutcomeItem({ id: 'shipped', doneAt: iso(doneMs) })],
            settings,
            asOf: iso(doneMs + asOfDays * DAY),
          });
          expect(report.overall.hits).toBe(0);
          const link = report.items[0]?.links[0];
          if (link?.state === 'measured') expect(link.lift as number).toBeLessThanOrEqual(1e-9);
        },
      ),
    );
  });

  it('the order of the inputs never changes the report', () => {
    const workspaceArb: fc.Arbitrary<MeasureOutcomesInput> = fc
      .record({
        settings: settingsArb,
        krs: fc.array(
          fc.record({
            cycle: fc.integer({ min: 0, max: 2 }),
            range: rangeArb,
            checkIns: fc.array(
              fc.record({
                day: fc.integer({ min: 0, max: 200 }),
                value: fc.integer({ min: -50, max: 1200 }),
                recorded: fc.integer({ min: 0, max: 3 }),
              }),
              { maxLength: 15 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        items: fc.array(
          fc.record({
            team: fc.constantFrom('a', 'b', null),
            status: fc.constantFrom('done', 'done', 'done', 'ready', 'dropped'),
            day: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null, freq: 8 }),
            effort: fc.option(fc.constantFrom(1, 2, 3, 5, 8), { nil: null, freq: 6 }),
            impact: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 3), { nil: null, freq: 6 }),
            confidence: fc.option(fc.constantFrom(0.2, 0.5, 0.8, 1), { nil: null, freq: 6 }),
            links: fc.array(
              fc.record({ kr: fc.integer({ min: 0, max: 5 }), strength: fc.integer({ min: 1, max: 3 }) }),
              { maxLength: 3 },
            ),
          }),
          { maxLength: 25 },
        ),
        asOfDay: fc.integer({ min: 0, max: 220 }),
      })
      .map(({ settings, krs, items, asOfDay }) => {
        const base = Date.UTC(2026, 0, 1);
        const cycles = [
          buildOutcomeCycle({ id: 'q1', startsOn: '2026-01-01', endsOn: '2026-03-31' }),
          buildOutcomeCycle({ id: 'q2', startsOn: '2026-04-01', endsOn: '2026-06-30' }),
          buildOutcomeCycle({ id: 'q9', startsOn: 'not a day', endsOn: '2026-06-30' }),
        ];
        const keyResults: OutcomeKeyResult[] = krs.map((kr, i) => ({
          id: `k${i}`,
          cycleId: (cycles[kr.cycle] as { id: string }).id,
          ...kr.range,
          checkIns: kr.checkIns.map((c) => ({
            at: iso(base + c.day * DAY),
            value: c.value,
            recordedAt: iso(base + c.recorded),
          })),
        }));
        const outcomeItems: OutcomeItem[] = items.map((it, i) => ({
          id: `i${String(i).padStart(2, '0')}`,
          teamId: it.team,
          status: it.status,
          doneAt: it.day === null ? null : iso(base + it.day * DAY + 7_200_000),
          effort: it.effort,
          impact: it.impact,
          confidence: it.confidence,
          links: it.links.map((l) => ({ keyResultId: `k${l.kr}`, strength: l.strength })),
        }));
        return { cycles, keyResults, items: outcomeItems, settings, asOf: iso(base + asOfDay * DAY) };
      });

    fc.assert(
      fc.property(workspaceArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (input, seed) => {
        const reordered: MeasureOutcomesInput = {
          ...input,
          cycles: shuffled(input.cycles, seed),
          keyResults: shuffled(input.keyResults, seed + 1).map((kr, i) => ({
            ...kr,
            checkIns: shuffled(kr.checkIns, seed + i),
          })),
          items: shuffled(input.items, seed + 2).map((item, i) => ({ ...item, links: shuffled(item.links, seed + i) })),
        };
        const report = buildOutcomeReport(input);
        expect(buildOutcomeReport(reordered)).toEqual(report);
        // And the figures stay within their definitions.
        for (const group of [report.overall, ...report.byCycle.map((c) => c.summary)]) {
          expect(group.hits).toBeLessThanOrEqual(group.judged);
          expect(group.judged + group.waiting).toBe(group.shipped);
          if (group.hitRate !== null) expect(group.hitRate).toBeGreaterThanOrEqual(0);
          if (group.calibration.spearman !== null)
            expect(Math.abs(group.calibration.spearman)).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const item of report.items)
          for (const link of item.links) {
            expect(link.creditShare).toBeGreaterThan(0);
            expect(link.creditShare).toBeLessThanOrEqual(1);
          }
      }),
    );
  });

  it('calibrated confidence lies between the stated confidence and the hit rate, and equals the stated one without history', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (stated, hits, extra, k) => {
          const judged = hits + extra;
          const { calibrated } = calibrateConfidence(stated, { hits, judged }, k);
          if (judged === 0) expect(calibrated).toBe(stated);
          else {
            const rate = hits / judged;
            expect(calibrated).toBeGreaterThanOrEqual(Math.min(stated, rate) - 1e-12);
            expect(calibrated).toBeLessThanOrEqual(Math.max(stated, rate) + 1e-12);
          }
        },
      ),
    );
  });
});
