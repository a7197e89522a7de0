import { useQuery } from '@tanstack/react-query';
import type { Cycle, Objective } from '@keyline/shared';
import { apiGet } from '../../lib/api';

/** The plain read-only list of the active cycle's objectives that proves the wiring. */
export function OkrsPage() {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: ({ signal }) => apiGet<Cycle[]>('/api/cycles', signal) });
  const cycle = cycles.data?.find((c) => c.status === 'active') ?? cycles.data?.[0];
  const objectives = useQuery({
    queryKey: ['objectives', cycle?.id],
    queryFn: ({ signal }) => apiGet<Objective[]>(`/api/objectives?cycleId=${cycle?.id}`, signal),
    enabled: Boolean(cycle),
  });

  if (cycles.isPending || (cycle && objectives.isPending)) return <p role="status">Loading objectives…</p>;
  if (cycles.error || objectives.error) return <p role="alert">Couldn't load objectives: {(cycles.error ?? objectives.error)?.message}</p>;
  if (!cycle) return <p>No quarters yet. An editor can create the first one.</p>;
  return (
    <section>
      <h1>OKRs · {cycle.name}</h1>
      {objectives.data?.length ? (
        <ul className="plain-list">
          {objectives.data.map((o) => (
            <li key={o.id}>
              {o.title} — {o.progress === null ? 'no key results' : `${Math.round(o.progress * 100)}%`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No objectives in {cycle.name} yet.</p>
      )}
    </section>
  );
}
