// Property tests: the guarantees of docs/SCORING.md over random workspaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenStatus } from './population';
import { krProgress, expectedProgress } from './progress';
import { scoreBacklog, type ScoreBacklogInput } from './score-backlog';
import { itemBodyArb, workspaceArb } from './test-arbitraries';
import type { ScoredItem, ScoringCycle, ScoringItem, ScoringKeyResult, ScoringLink, ScoringObjective } from './types';

/** Independent restatement of "live KR" from the raw inputs. */
function liveKeyResultIds(input: ScoreBacklogInput): Set<string> {
  const live = new Set<string>();
  for (const kr of input.keyResults) {
    const objective = input.objectives.find((o) => o.id === kr.objectiveId);
    const cycle = objective && input.cycles.find((c) => c.id === objective.cycleId);
    const progress = krProgress(kr);
    if (
      !kr.deleted &&
      objective &&
      !objective.deleted &&
      cycle?.status === 'active' &&
      !(progress !== null && progress >= 1)
    )
      live.add(kr.id);
  }
  return live;
}

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

const flagCodes = (item: ScoredItem) => item.flags.map((f) => f.code);

describe('scoring properties', () => {
  it('every score is a finite number ≥ 0, or null with the reason named', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        for (const item of scoreBacklog(input).items) {
          const { intrinsic, alignment, combination } = item.breakdown;
          expect(Number.isFinite(item.alignment) && item.alignment >= 0).toBe(true);
          expect(Number.isFinite(combination.multiplier)).toBe(true);
          for (const term of alignment.terms) {
            expect(Number.isFinite(term.term)).toBe(true);
            expect(term.keyResult.boost).toBeGreaterThanOrEqual(1);
          }
          if (item.valueScore === null) {
            expect(intrinsic.value).toBeNull();
            expect(intrinsic.missing.length + intrinsic.invalid.length).toBeGreaterThan(0);
          } else {
            expect(Number.isFinite(item.valueScore) && item.valueScore >= 0).toBe(true);
            expect(intrinsic.missing).toEqual([]);
            expect(intrinsic.invalid).toEqual([]);
          }
        }
      }),
    );
  });

  it('an aligned item always outranks an equally valuable unaligned one', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const live = [...liveKeyResultIds(input)];
        fc.pre(live.length > 0);
        const base = {
          status: 'ready' as const,
          teamId: null,
          rank: null,
          reach: 100,
          impact: 1,
          confidence: 1,
          effort: 2,
          businessValue: 1,
          timeCriticality: 1,
          riskReduction: 1,
          jobSize: 1,
          ease: 5,
        };
        const items = [
          { ...base, id: 'aligned', links: [{ keyResultId: live[0] as string, strength: 1 }] },
          { ...base, id: 'unaligned', links: [] },
        ];
        const [first, second] = scoreBacklog({ ...input, items }).items;
        fc.pre(first?.valueScore !== null && first?.valueScore !== 0);
        expect(first?.id).toBe('aligned');
        expect((first?.valueScore ?? 0) > (second?.valueScore ?? 0)).toBe(true);
      }),
    );
  });

  it('item flags match their definitions', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const result = scoreBacklog(input);
        const live = liveKeyResultIds(input);
        const byId = new Map(input.items.map((item) => [item.id, item]));
        const open = result.items.filter((s) => isOpenStatus(s.status));
        for (const scored of result.items) {
          const item = byId.get(scored.id) as ScoringItem;
          const codes = flagCodes(scored);
          if (!isOpenStatus(item.status)) {
            expect(codes).toEqual([]);
            continue;
          }
          expect(codes.includes('NOT_SCORABLE')).toBe(scored.valueScore === null);
          const hasLive = item.links.some((l) => live.has(l.keyResultId));
          expect(codes.includes('UNALIGNED') || codes.includes('STALE_ALIGNMENT')).toBe(!hasLive);
          if (codes.includes('STALE_ALIGNMENT')) {
            expect(scored.breakdown.alignment.ignoredLinks.every((l) => l.reason !== 'inactive-cycle')).toBe(true);
            expect(item.links.length).toBeGreaterThan(0);
          }

          const t = result.lowValueThresholds;
          const perEffort =
            scored.valueScore !== null && item.effort !== null && item.effort > 0
              ? scored.valueScore / item.effort
              : null;
          const lowValueHighEffort =
            t !== null &&
            perEffort !== null &&
            perEffort <= t.valuePerEffortP25 &&
            perEffort < t.valuePerEffortMedian &&
            (item.effort as number) >= t.effortP75 &&
            (item.effort as number) > t.effortMedian;
          expect(codes.includes('LOW_VALUE_HIGH_EFFORT')).toBe(lowValueHighEffort);

          // RANK_INVERSION, restated by brute force over all pairs.
          const myPosition = open.filter((o) => o.rank !== null && item.rank !== null && o.rank < item.rank).length;
          const inverted =
            item.rank !== null &&
            scored.valueScore !== null &&
            open.some((other) => {
              if (other.rank === null || other.valueScore === null) return false;
              const otherPosition = open.filter((o) => o.rank !== null && o.rank < (other.rank as number)).length;
              return (
                otherPosition - myPosition >= input.settings.itemFlags.rankInversionMinPositions &&
                other.valueScore > (scored.valueScore as number) &&
                other.valueScore >= input.settings.itemFlags.rankInversionValueFactor * (scored.valueScore as number)
              );
            });
          expect(codes.includes('RANK_INVERSION')).toBe(inverted);
        }
        // Quartile thresholds, restated: linear interpolation over the sorted open population.
        const population = open.filter((s) => s.valueScore !== null && s.effort !== null && s.effort > 0);
        if (population.length < input.settings.itemFlags.lowValueHighEffortMinItems) {
          expect(result.lowValueThresholds).toBeNull();
        } else {
          const quantile = (values: number[], q: number) => {
            const sorted = [...values].sort((a, b) => a - b);
            const h = (sorted.length - 1) * q;
            const low = sorted[Math.floor(h)] as number;
            return low + ((sorted[Math.ceil(h)] as number) - low) * (h - Math.floor(h));
          };
          const perEffort = population.map((s) => (s.valueScore as number) / (s.effort as number));
          const efforts = population.map((s) => s.effort as number);
          expect(result.lowValueThresholds).toEqual({
            population: population.length,
            valuePerEffortP25: quantile(perEffort, 0.25),
            valuePerEffortMedian: quantile(perEffort, 0.5),
            effortP75: quantile(efforts, 0.75),
            effortMedian: quantile(efforts, 0.5),
          });
        }
      }),
    );
  });

  it('NO_WORK flags exactly the live KRs behind pace or at risk with no open linked item', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        const result = scoreBacklog(input);
        const { behindPaceTolerance, atRiskConfidence } = input.settings.krFlags;
        const expected = [...liveKeyResultIds(input)]
          .filter((id) => {
            const kr = input.keyResults.find((k) => k.id === id) as ScoringKeyResult;
            const objective = input.objectives.find((o) => o.id === kr.objectiveId) as ScoringObjective;
            const cycle = input.cycles.find((c) => c.id === objective.cycleId) as ScoringCycle;
            const progress = krProgress(kr);
            const pace = expectedProgress(cycle, input.asOf);
            const behind =
              progress !== null && pace !== null && pace - Math.min(1, Math.max(0, progress)) > behindPaceTolerance;
            const atRisk = kr.latestConfidence !== null && kr.latestConfidence <= atRiskConfidence;
            const served = input.items.some(
              (item) => isOpenStatus(item.status) && item.links.some((l) => l.keyResultId === id),
            );
            return (behind || atRisk) && !served;
          })
          .sort();
        expect(result.krFlags.filter((f) => f.code === 'NO_WORK').map((f) => f.keyResultId)).toEqual(expected);
      }),
    );
  });

  it('is absolute: adding another item never changes the score or breakdown of the others', () => {
    fc.assert(
      fc.property(workspaceArb, itemBodyArb, (input, extraBody) => {
        const extra: ScoringItem = { ...extraBody, id: 'extra' };
        const without = scoreBacklog(input);
        const withExtra = new Map(
          scoreBacklog({ ...input, items: [...input.items, extra] }).items.map((s) => [s.id, s]),
        );
        for (const scored of without.items) {
          const other = withExtra.get(scored.id);
          expect(other?.valueScore).toBe(scored.valueScore);
          expect(other?.breakdown).toEqual(scored.breakdown);
        }
      }),
    );
  });

  it('does not depend on the order of items, KRs, objectives, cycles or links', () => {
    fc.assert(
      fc.property(workspaceArb, fc.integer(), (input, seed) => {
        const reordered: ScoreBacklogInput = {
          ...input,
          items: shuffled(input.items, seed).map((item) => ({ ...item, links: shuffled(item.links, seed + 1) })),
          keyResults: shuffled(input.keyResults, seed + 2),
          objectives: shuffled(input.objectives, seed + 3),
          cycles: shuffled(input.cycles, seed + 4),
        };
        // ScoredItem.links echoes the input, so compare it as a set.
        const normalized = (input: ScoreBacklogInput) => {
          const result = scoreBacklog(input);
          const byKr = (a: ScoringLink, b: ScoringLink) =>
            a.keyResultId.localeCompare(b.keyResultId) || a.strength - b.strength;
          return { ...result, items: result.items.map((item) => ({ ...item, links: [...item.links].sort(byKr) })) };
        };
        expect(normalized(reordered)).toEqual(normalized(input));
      }),
    );
  });
});
