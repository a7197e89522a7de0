import { describe, expect, it } from 'vitest';
import { scoreBacklog, scoreBacklogInSlices } from './score-backlog';
import { generateWorkspace } from './test-factories';

describe('scoreBacklogInSlices', () => {
  it('pauses between slices and ends with exactly what scoreBacklog computes', () => {
    const workspace = generateWorkspace({ items: 2_500, keyResults: 30, seed: 11 });
    const steps = scoreBacklogInSlices(workspace, 500);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    // 5 slices while evaluating, 5 while flagging, and one after the sort and the population rules each.
    expect(pauses).toBe(12);
    expect(step.value).toEqual(scoreBacklog(workspace));
  });
});
