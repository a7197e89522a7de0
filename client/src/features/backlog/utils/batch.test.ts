import { describe, expect, it } from 'vitest';
import { describeBatch, runBatch } from './batch';

describe('batch requests', () => {
  it('runs every item, reports failures without stopping, and caps concurrency', async () => {
    let running = 0;
    let peak = 0;
    const result = await runBatch(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        if (n % 5 === 0) throw new Error(`no ${n}`);
      },
      3,
    );
    expect(result.succeeded.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect(result.failed.map((f) => f.item).sort((a, b) => a - b)).toEqual([5, 10]);
    expect(peak).toBe(3);
    expect(describeBatch('Tagged', result)).toBe('Tagged 8 of 10, 2 failed');
  });

  it('says plainly when all went through', () => {
    expect(describeBatch('Tagged', { succeeded: [1, 2], failed: [] })).toBe('Tagged 2 of 2');
  });
});
