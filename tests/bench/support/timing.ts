// Timing helpers shared by the benches: medians of repeated runs, so one
// slow run on a shared machine does not set the figure.

/** Milliseconds since `start` (a performance.now() reading), as "123 ms". */
export function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

export function medianOf(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/** The median time of `runs` runs of a synchronous piece of work, in ms. */
export function median(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return medianOf(times);
}

/** The median time of `runs` sequential runs of an asynchronous piece of work, in ms. */
export async function medianAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return medianOf(times);
}
