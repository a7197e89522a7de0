export interface BatchResult<T> {
  succeeded: T[];
  failed: { item: T; error: unknown }[];
}

/**
 * Runs one request per item, a few at a time (the SQLite server serialises
 * writes anyway, so more would only queue), and reports every outcome
 * instead of stopping at the first failure.
 */
export async function runBatch<T>(
  items: readonly T[],
  run: (item: T) => Promise<unknown>,
  concurrency = 4,
): Promise<BatchResult<T>> {
  const result: BatchResult<T> = { succeeded: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await run(item);
        result.succeeded.push(item);
      } catch (error) {
        result.failed.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return result;
}

/** "Tagged 48 of 50, 2 failed" — the outcome in one sentence. */
export function describeBatch(verb: string, result: BatchResult<unknown>): string {
  const total = result.succeeded.length + result.failed.length;
  const head = `${verb} ${result.succeeded.length.toLocaleString()} of ${total.toLocaleString()}`;
  return result.failed.length ? `${head}, ${result.failed.length.toLocaleString()} failed` : head;
}
