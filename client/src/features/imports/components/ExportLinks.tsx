import { useState } from 'react';
import { useCycles } from '../../cycles/api/cycles.api';

/** Plain download links: the browser streams the CSV straight to a file with the session cookie. */
export function ExportLinks() {
  const cycles = useCycles();
  const [cycleId, setCycleId] = useState('');
  const chosen = cycleId || cycles.data?.find((c) => c.status === 'active')?.id || cycles.data?.[0]?.id || '';
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p>The whole backlog with value score, flags and linked key results, or a quarter’s OKRs with every check-in.</p>
      <div className="row-actions import-exports">
        <a className="button" href="/api/exports/backlog.csv" download>
          Download backlog CSV
        </a>
        {cycles.data && cycles.data.length > 0 && (
          <>
            <label className="import-inline-field">
              <span>Quarter</span>
              <select value={chosen} onChange={(event) => setCycleId(event.target.value)}>
                {cycles.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.status === 'active' ? ' (active)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <a className="button" href={`/api/exports/okrs.csv?cycleId=${encodeURIComponent(chosen)}`} download>
              Download OKRs CSV
            </a>
          </>
        )}
      </div>
    </section>
  );
}
