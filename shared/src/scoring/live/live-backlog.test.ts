// The live backlog must always say what scoring the whole backlog from
// scratch says: after building it, and after any sequence of item edits,
// removals and OKR or settings changes applied one at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScoringContext } from '../context';
import type { CycleHeadline } from '../headline';
import { scoreBacklog, type ScoreBacklogInput } from '../score-backlog';
import { itemBodyArb, keyResultsArb, settingsArb, workspaceArb } from '../test-arbitraries';
import { generateWorkspace } from '../test-factories';
import type { ScoringItem } from '../types';
import { LiveBacklog, type LiveItemInput } from './live-backlog';

const asInputs = (items: readonly ScoringItem[]): LiveItemInput[] => items.map((i) => ({ ...i, doneAt: null }));

function expectSameHeadline(live: CycleHeadline | null, fresh: CycleHeadline | null): void {
  if (fresh === null || live === null) return expect(live).toEqual(fresh);
  const close = (a: number | null, b: number | null) =>
    a === null || b === null
      ? expect(a).toBe(b)
      : expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b)));
  close(live.openEffort, fresh.openEffort);
  close(live.misalignedEffort, fresh.misalignedEffort);
  close(live.misalignedEffortShare, fresh.misalignedEffortShare);
  expect(live.openItemsWithoutEffort).toBe(fresh.openItemsWithoutEffort);
  expect(live.krCoverage).toEqual(fresh.krCoverage);
  expect(live.objectives.map((o) => o.objectiveId)).toEqual(fresh.objectives.map((o) => o.objectiveId));
  live.objectives.forEach((o, i) => {
    close(o.effort, fresh.objectives[i]?.effort ?? null);
    close(o.effortShare, fresh.objectives[i]?.effortShare ?? null);
  });
}

/** Everything the live backlog answers, against scoreBacklog on the same inputs. */
function expectSameAsFresh(live: LiveBacklog, input: ScoreBacklogInput): void {
  const fresh = scoreBacklog(input);
  expect(live.idsInValueOrder('desc')).toEqual(fresh.items.map((i) => i.id));
  // A page by value is the same slice of the whole order, either way round.
  for (const order of ['asc', 'desc'] as const) {
    const all = live.idsInValueOrder(order);
    for (const [offset, limit] of [
      [0, 3],
      [2, 5],
      [all.length - 1, 10],
      [all.length + 4, 10],
    ] as const)
      expect(live.idsInValueOrderPage(order, offset, limit)).toEqual({
        ids: all.slice(offset, offset + limit),
        total: all.length,
      });
  }
  expect(live.lowValueThresholds()).toEqual(fresh.lowValueThresholds);
  for (const item of fresh.items) {
    const lean = live.item(item.id);
    expect(lean?.valueScore).toBe(item.valueScore);
    expect(lean?.intrinsic).toBe(item.intrinsic);
    expect(lean?.alignment).toBe(item.alignment);
    expect(live.flagCodes(item.id)).toEqual(item.flags.map((f) => f.code));
    const full = live.scoreFull(input.items.find((i) => i.id === item.id) as ScoringItem);
    expect(full.flags).toEqual(item.flags);
  }
  const figures = live.figures(fresh.headline?.cycleId ?? null, null);
  expectSameHeadline(figures.headline, fresh.headline);
  expect(figures.keyResultFlags.map((f) => `${f.keyResultId}:${f.code}`)).toEqual(
    fresh.krFlags.map((f) => `${f.keyResultId}:${f.code}`),
  );
}

type Change =
  | { kind: 'upsert'; at: number; body: Omit<ScoringItem, 'id'> }
  | { kind: 'remove'; at: number }
  | { kind: 'keyResults'; keyResults: ScoreBacklogInput['keyResults'] }
  | { kind: 'settings'; settings: ScoreBacklogInput['settings'] };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), at: fc.nat(30), body: itemBodyArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('keyResults' as const), keyResults: keyResultsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), settings: settingsArb }) },
);

describe('LiveBacklog', () => {
  it('answers as scoreBacklog does on a fresh build', () => {
    fc.assert(
      fc.property(workspaceArb, (input) => {
        expectSameAsFresh(LiveBacklog.of(asInputs(input.items), buildScoringContext(input)), input);
      }),
    );
  });

  it('stays equal to a fresh score after every change, applied one at a time', () => {
    fc.assert(
      fc.property(workspaceArb, fc.array(changeArb, { maxLength: 12 }), (start, changes) => {
        let input = start;
        const live = LiveBacklog.of(asInputs(input.items), buildScoringContext(input));
        for (const change of changes) {
          if (change.kind === 'upsert') {
            const id = `i${String(change.at).padStart(2, '0')}`;
            const item = { ...change.body, id };
            input = { ...input, items: [...input.items.filter((i) => i.id !== id), item] };
            live.upsert({ ...item, doneAt: null });
          } else if (change.kind === 'remove') {
            const id = `i${String(change.at).padStart(2, '0')}`;
            input = { ...input, items: input.items.filter((i) => i.id !== id) };
            live.remove(id);
          } else {
            input =
              change.kind === 'settings'
                ? { ...input, settings: change.settings }
                : { ...input, keyResults: change.keyResults };
            const context = buildScoringContext(input);
            expect(live.affectedBy(context)).toBeLessThanOrEqual(4 * Math.max(1, input.items.length));
            live.setContext(context);
          }
          expectSameAsFresh(live, input);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('re-scores only the items linked to a key result whose weighting moved', () => {
    const input = generateWorkspace({ items: 2_000, keyResults: 50, seed: 7 });
    const live = LiveBacklog.of(asInputs(input.items), buildScoringContext(input));
    const kr = input.keyResults[0]!;
    const linked = input.items.filter((i) => i.links.some((l) => l.keyResultId === kr.id)).length;
    const moved = { ...input, keyResults: input.keyResults.map((k) => (k === kr ? { ...k, currentValue: 1 } : k)) };
    const context = buildScoringContext(moved);
    expect(live.affectedBy(context)).toBe(linked);
    live.setContext(context);
    expectSameAsFresh(live, moved);
  });
});
