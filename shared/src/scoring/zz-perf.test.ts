import { it } from 'vitest';
import { buildScoringContext, compareIds } from './context';
import { evaluateItem } from './value';
import { intrinsicScore } from './intrinsic';
import { alignmentOf } from './alignment';
import { computeLowValueThresholds, findRankInversions } from './population';
import { flagItem } from './item-flags';
import { flagKeyResults } from './kr-flags';
import { computeHeadline } from './headline';
import { scoreBacklog } from './score-backlog';
import { generateWorkspace } from './test-factories';
it('perf', { timeout: 60000 }, () => {
  const ws = generateWorkspace({ items: 100_000, keyResults: 1000 });
  for (let r = 0; r < 4; r++) {
    let t = performance.now();
    const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(1)); t = n; };
    const ctx = buildScoringContext(ws); lap('ctx');
    const items = [...ws.items].sort((a, b) => compareIds(a.id, b.id)); lap('sort');
    items.map((i) => intrinsicScore(i, ctx.settings)); lap('intr');
    items.map((i) => alignmentOf(i, ctx)); lap('align');
    const b = items.map((i) => evaluateItem(i, ctx)); lap('eval');
    const pop = items.map((it, i) => ({ id: it.id, status: it.status, rank: it.rank, effort: it.effort, valueScore: b[i]!.valueScore })); lap('pop');
    const th = computeLowValueThresholds(pop, ctx.settings); lap('thr');
    const inv = findRankInversions(pop, ctx.settings); lap('inv');
    items.forEach((it, i) => flagItem(it, b[i]!, ctx, { lowValueThresholds: th, rankInversion: inv.get(it.id) ?? null })); lap('flags');
    flagKeyResults(items, ctx); lap('kr');
    computeHeadline(items, ctx, 'q3'); lap('head');
    scoreBacklog(ws); lap('total');
  }
});
