import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { ApiClient } from '../../support/api-client';
import { percentile } from './mode';

/** The request mix of the load suite: 8 reads for every 2 writes. */
interface MixedRequest {
  kind: 'read' | 'write';
  name: string;
  method: string;
  path: string;
  body?: string;
}

export interface LoadMixResult {
  result: AutocannonResult;
  /** Requests handed to autocannon (in mix order, so 8 reads : 2 writes exactly). */
  sent: number;
  /** Requests per mix round, to bound how many items the run may have created. */
  mixLength: number;
  latencies: { read: number[]; write: number[] };
  /** Answers per request name and status, e.g. `write:create item:201`. */
  answers: Map<string, number>;
}

/**
 * Runs the load suite's mix against a signed-in server: backlog pages by
 * rank, by value and filtered, an item, the quarter's KRs, the dashboard and
 * teams for reads; a check-in and a new item for writes. One counter over all
 * connections picks the next request, so what is sent is 8 reads to 2 writes
 * exactly, however few requests each connection gets to make. Latency is kept
 * per kind from autocannon's own per-response timing.
 */
export async function runLoadMix(
  api: ApiClient,
  options: { connections: number; durationS: number },
): Promise<LoadMixResult> {
  const cycles = (await api.get('/api/cycles')).body;
  const active = cycles.find((c: { status: string }) => c.status === 'active');
  const kr = (await api.get(`/api/key-results?cycleId=${active.id}`)).body[0];
  const item = (await api.get('/api/backlog-items?limit=50')).body.items[25];

  const headers = { cookie: api.sessionCookie, origin: api.baseUrl, 'content-type': 'application/json' };
  const read = (path: string): MixedRequest => ({ kind: 'read', name: path, method: 'GET', path });
  const mix: MixedRequest[] = [
    read('/api/backlog-items?limit=50'),
    read(`/api/backlog-items/${item.id}`),
    read('/api/backlog-items?limit=50&sort=valueScore'),
    read(`/api/key-results?cycleId=${active.id}`),
    {
      kind: 'write',
      name: 'check-in',
      method: 'POST',
      path: `/api/key-results/${kr.id}/check-ins`,
      body: JSON.stringify({ value: 42, confidence: 6, note: 'load' }),
    },
    read('/api/dashboard'),
    read(`/api/backlog-items/${item.id}`),
    read('/api/teams'),
    read('/api/backlog-items?limit=50&status=ready'),
    {
      kind: 'write',
      name: 'create item',
      method: 'POST',
      path: '/api/backlog-items',
      body: JSON.stringify({ title: 'Made under load', effort: 3 }),
    },
  ];
  let sent = 0;
  let lastKind: 'read' | 'write' = 'read';
  const answers = new Map<string, number>();
  const requests: AutocannonRequest[] = [
    {
      setupRequest: (req, context) => {
        const m = mix[sent++ % mix.length]!;
        context.kind = m.kind;
        context.name = m.name;
        // A fresh headers object each time: autocannon writes the body's Content-Length into it.
        return { ...req, method: m.method, path: m.path, body: m.body, headers: { ...headers } };
      },
      onResponse: (status, _body, context) => {
        lastKind = context.kind as 'read' | 'write';
        const key = `${String(context.kind)}:${String(context.name)}:${status}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      },
    },
  ];
  const latencies = { read: [] as number[], write: [] as number[] };
  const instance = autocannon({
    url: api.baseUrl,
    connections: options.connections,
    duration: options.durationS,
    timeout: 30,
    requests,
  });
  // autocannon calls a request's onResponse and then emits 'response' with its timing, synchronously.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
    latencies[lastKind].push(ms),
  );
  const result = await instance;
  return { result, sent, mixLength: mix.length, latencies, answers };
}

/** Answers whose `kind:name:status` key passes the test. */
export function countAnswers(answers: Map<string, number>, test: (key: string, status: number) => boolean): number {
  return [...answers].reduce((n, [key, c]) => (test(key, Number(key.split(':').at(-1))) ? n + c : n), 0);
}

/** The figures every load run prints. */
export function loadFigures(run: LoadMixResult, readP99TargetMs: number): Record<string, string | number | boolean> {
  const { result, latencies } = run;
  const reads = latencies.read.length;
  const writes = latencies.write.length;
  return {
    requests: result.requests.total,
    'requests/s': Math.round(result.requests.average),
    'requests sent (8 reads : 2 writes)': run.sent,
    'answered reads / writes': `${reads} / ${writes} (${((100 * writes) / Math.max(1, reads + writes)).toFixed(1)}% writes)`,
    'read p50 ms': percentile(latencies.read, 50),
    'read p99 ms': percentile(latencies.read, 99),
    'write p50 ms': percentile(latencies.write, 50),
    'write p99 ms': percentile(latencies.write, 99),
    'all p50 / p99 ms (autocannon)': `${result.latency.p50} / ${result.latency.p99}`,
    errors: result.errors,
    timeouts: result.timeouts,
    'non-2xx': result.non2xx,
    '5xx': countAnswers(run.answers, (_k, status) => status >= 500),
    [`read p99 under ${readP99TargetMs} ms`]: percentile(latencies.read, 99) < readP99TargetMs,
  };
}
