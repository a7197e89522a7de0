/**
 * A promise-chain lock: callers run one at a time, in arrival order. Used to
 * serialise SQLite access, because TypeORM gives every caller the same
 * connection and interleaved transactions would corrupt each other.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive whatever the task does; callers see their own outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
