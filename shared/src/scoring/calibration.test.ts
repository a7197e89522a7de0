// Calibrated confidence in scoring (docs/SCORING.md, "Calibrated confidence").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrackRecord } from '../outcomes/types';
import { calibratedEstimates } from './calibration';
import { buildScoringContext } from './context';
import { scoreLean } from './lean';
import { scoreBacklog, scoreItem } from './score-backlog';
import { workspaceArb } from './test-arbitraries';
import { withSettings } from './test-factories';

const TEAMS = ['team-a', 'team-b', null] as const;
const statedArb = fc.double({ min: 0, max: 1, noNaN: true });
const priorArb = fc.double({ min: 0, max: 1000, noNaN: true });
const recordArb = fc
  .integer({ min: 1, max: 200 })
  .chain((judged) => fc.record({ judged: fc.constant(judged), hits: fc.integer({ min: 0, max: judged }) }));

function context(enabled: boolean, priorStrength: number, records: Map<string | null, TrackRecord>) {
  return { settings: withSettings({ calibration: { enabled, priorStrength } }), trackRecords: records };
}

describe('calibratedEstimates', () => {
  it('keeps the stated confidence for a team with no history', () => {
    fc.assert(
      fc.property(statedArb, priorArb, (stated, prior) => {
        const { item, calibration } = calibratedEstimates(
          { teamId: 'team-a', confidence: stated },
          context(true, prior, new Map([['team-b', { hits: 3, judged: 4 }]])),
        );
        expect(item.confidence).toBe(stated);
        expect(calibration).toMatchObject({ statedConfidence: stated, calibratedConfidence: stated });
        expect(calibration?.calibrationReason).toContain('No settled outcomes');
      }),
    );
  });

  it('is the team’s hit rate at prior strength 0', () => {
    fc.assert(
      fc.property(statedArb, recordArb, (stated, record) => {
        const { item } = calibratedEstimates(
          { teamId: 'team-a', confidence: stated },
          context(true, 0, new Map([['team-a', record]])),
        );
        expect(item.confidence).toBeCloseTo(record.hits / record.judged, 12);
      }),
    );
  });

  it('never falls as the team’s hits rise, and stays within [0, 1]', () => {
    fc.assert(
      fc.property(statedArb, priorArb, recordArb, (stated, prior, record) => {
        fc.pre(record.hits < record.judged);
        const at = (hits: number) =>
          calibratedEstimates(
            { teamId: null, confidence: stated },
            context(true, prior, new Map([[null, { ...record, hits }]])),
          ).item.confidence as number;
        const lower = at(record.hits);
        const higher = at(record.hits + 1);
        expect(higher).toBeGreaterThanOrEqual(lower);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(higher).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('leaves the item alone when off, when confidence is missing or out of range, and under WSJF', () => {
    const records = new Map([['team-a', { hits: 0, judged: 10 }]]);
    const item = { teamId: 'team-a', confidence: 0.8 };
    expect(calibratedEstimates(item, context(false, 10, records))).toEqual({ item, calibration: null });
    expect(calibratedEstimates({ ...item, confidence: null }, context(true, 10, records)).calibration).toBeNull();
    expect(calibratedEstimates({ ...item, confidence: 1.5 }, context(true, 10, records)).calibration).toBeNull();
    const wsjf = {
      ...context(true, 10, records),
      settings: withSettings({ framework: 'wsjf', calibration: { enabled: true } }),
    };
    expect(calibratedEstimates(item, wsjf).calibration).toBeNull();
    // (10 × 0.8 + 0) ÷ (10 + 10) = 0.4
    expect(calibratedEstimates(item, context(true, 10, records)).item.confidence).toBeCloseTo(0.4, 12);
  });
});

/** A random workspace with items spread over three teams and random records for them. */
const calibratedWorkspaceArb = fc
  .record({
    workspace: workspaceArb,
    records: fc.array(fc.tuple(fc.constantFrom(...TEAMS), recordArb), { maxLength: 3 }),
    prior: priorArb,
  })
  .map(({ workspace, records, prior }) => ({
    workspace: {
      ...workspace,
      items: workspace.items.map((item, i) => ({ ...item, teamId: TEAMS[i % TEAMS.length] ?? null })),
    },
    records: new Map<string | null, TrackRecord>(records),
    prior,
  }));

describe('calibrated confidence in the value score', () => {
  it('changes no score when off, whatever the track records', () => {
    fc.assert(
      fc.property(calibratedWorkspaceArb, ({ workspace, records, prior }) => {
        const settings = { ...workspace.settings, calibration: { enabled: false, priorStrength: prior } };
        const plain = scoreBacklog({ ...workspace, settings });
        const withRecords = scoreBacklog({ ...workspace, settings, trackRecords: records });
        expect(withRecords).toEqual(plain);
        for (const item of plain.items) expect(item.breakdown.calibratedConfidence).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('scores the same on the lean and the full path when on, and equals off without history', () => {
    fc.assert(
      fc.property(calibratedWorkspaceArb, ({ workspace, records, prior }) => {
        const settings = { ...workspace.settings, calibration: { enabled: true, priorStrength: prior } };
        const ctx = buildScoringContext({ ...workspace, settings, trackRecords: records });
        for (const item of workspace.items) {
          const full = scoreItem(item, ctx);
          expect(scoreLean(item, ctx).valueScore).toBe(full.valueScore);
          if (full.breakdown.calibratedConfidence !== null)
            expect(full.breakdown.intrinsic.inputs.confidence).toBe(full.breakdown.calibratedConfidence);
        }
        const noHistory = scoreBacklog({ ...workspace, settings });
        const off = scoreBacklog({
          ...workspace,
          settings: { ...settings, calibration: { enabled: false, priorStrength: prior } },
        });
        expect(noHistory.items.map((i) => i.valueScore)).toEqual(off.items.map((i) => i.valueScore));
      }),
      { numRuns: 60 },
    );
  });
});
