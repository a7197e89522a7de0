import type { ApiClient, ApiResponse } from '../../support/api-client';

export interface RaceTarget {
  /** e.g. `/api/key-results/<id>` */
  path: string;
  /** The read-modify-write: the patch to send, computed from the row as read. */
  modify(row: any, racer: number): Record<string, unknown>;
}

export interface RaceResult {
  rounds: number;
  attempts: number;
  successes: number;
  conflicts: number;
  /** Anything but 200 and 412: must stay zero. */
  other: string[];
  /** Rounds in which the racers did not all read the same version (must stay zero). */
  splitReads: number;
  /** Rounds with a number of winners other than one. */
  roundsWithoutOneWinner: number;
  /** Versions each success produced, in order. */
  wonVersions: number[];
  /** Which racer (index) won each round. */
  winners: number[];
  /** 412 answers whose `current` was not the version the winner made. */
  staleConflictBodies: number;
}

/**
 * Lost-update race: each round, every racer reads the row, then all of them
 * write their change at once with `If-Match` of the version they read.
 * Reading first and writing together puts every racer on the same version,
 * so a round must have exactly one winner and all others must get 412.
 */
export async function raceReadModifyWrite(
  racers: readonly ApiClient[],
  target: RaceTarget,
  rounds: number,
): Promise<RaceResult> {
  const result: RaceResult = {
    rounds,
    attempts: 0,
    successes: 0,
    conflicts: 0,
    other: [],
    splitReads: 0,
    roundsWithoutOneWinner: 0,
    wonVersions: [],
    winners: [],
    staleConflictBodies: 0,
  };
  for (let round = 0; round < rounds; round++) {
    const reads = await Promise.all(racers.map((r) => r.get(target.path)));
    const rows = reads.map((res) => {
      if (res.status !== 200) throw new Error(`read ${target.path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    });
    if (new Set(rows.map((r) => r.version)).size !== 1) result.splitReads++;
    const writes: ApiResponse[] = await Promise.all(
      racers.map((r, i) => r.patch(target.path, target.modify(rows[i], i), rows[i].version)),
    );
    result.attempts += writes.length;
    const won = writes.filter((w) => w.status === 200);
    if (won.length !== 1) result.roundsWithoutOneWinner++;
    for (const w of won) result.wonVersions.push(w.body.version);
    writes.forEach((w, i) => w.status === 200 && result.winners.push(i));
    for (const w of writes) {
      if (w.status === 200) result.successes++;
      else if (w.status === 412 && w.body?.error?.code === 'VERSION_CONFLICT') {
        result.conflicts++;
        if (won.length === 1 && w.body.error.current?.version !== won[0]!.body.version) result.staleConflictBodies++;
      } else result.other.push(`${w.status} ${JSON.stringify(w.body).slice(0, 200)}`);
    }
  }
  return result;
}

/** Audit events of one row with the given action, read through the API (paged). */
export async function auditEventsOf(api: ApiClient, entity: string, entityId: string, action: string): Promise<any[]> {
  const events: any[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    const res: ApiResponse = await api.get(
      `/api/audit-events?entity=${entity}&entityId=${entityId}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`audit: ${res.status} ${JSON.stringify(res.body)}`);
    events.push(...res.body.items);
    cursor = res.body.nextCursor;
  }
  return events.filter((e) => e.action === action);
}
