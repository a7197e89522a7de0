import { describe, expect, it } from 'vitest';
import { scoreBacklog } from './score-backlog';
import { generateWorkspace } from './test-factories';

describe('scoreBacklog without summaries', () => {
  it('scores and flags items exactly as with them, and leaves headline and KR flags out', () => {
    const workspace = generateWorkspace({ items: 500, keyResults: 20, seed: 7 });
    const full = scoreBacklog(workspace);
    const lean = scoreBacklog({ ...workspace, summaries: false });
    expect(full.headline).not.toBeNull();
    expect(lean.headline).toBeNull();
    expect(lean.krFlags).toEqual([]);
    expect(lean.items).toEqual(full.items);
    expect(lean.lowValueThresholds).toEqual(full.lowValueThresholds);
  });
});
