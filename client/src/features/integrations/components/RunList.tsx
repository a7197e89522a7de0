import type { SyncRun } from '@keyline/shared';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { LoadError } from '../../../components/LoadError';
import { useRuns } from '../api/integrations.api';
import { RUN_RESULT, runKind } from '../utils/connection-view';

/** A connection's recent runs, newest first: counts, and each issue that had a problem. */
export function RunList({ connectionId, name }: { connectionId: string; name: string }) {
  const runs = useRuns(connectionId, true);
  if (runs.isPending) return <p role="status">Loading runs…</p>;
  if (runs.isError) return <LoadError what="runs" error={runs.error} onRetry={() => void runs.refetch()} />;
  if (runs.data.length === 0) return <p className="meta">No runs yet. Sync now to run the first.</p>;
  return (
    <div className="ig-runs">
      <table className="st-table">
        <caption className="sr-only">Recent runs of {name}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Run</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">
              Fetched
            </th>
            <th scope="col" className="num">
              Created
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Archived
            </th>
            <th scope="col" className="num">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((run) => (
            <RunRow key={run.id} run={run} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunRow({ run }: { run: SyncRun }) {
  const result = RUN_RESULT[run.state];
  return (
    <>
      <tr>
        <th scope="row">{formatDateTime(run.startedAt)}</th>
        <td>{runKind(run)}</td>
        <td className={`ig-run-${run.state}`}>
          <span aria-hidden="true">{result.icon} </span>
          {result.text}
        </td>
        <td className="num">{formatNumber(run.fetched)}</td>
        <td className="num">{formatNumber(run.created)}</td>
        <td className="num">{formatNumber(run.updated + run.restored)}</td>
        <td className="num">{formatNumber(run.archived)}</td>
        <td className="num">{formatNumber(run.errorCount)}</td>
      </tr>
      {(run.message || run.errors.length > 0) && (
        <tr className="ig-run-detail">
          <td colSpan={8}>
            {run.message && <p className={run.state === 'failed' ? 'error-text' : 'meta'}>{run.message}</p>}
            {run.errors.length > 0 && (
              <details>
                <summary>
                  {formatNumber(run.errorCount)} {run.errorCount === 1 ? 'issue' : 'issues'} with a problem
                </summary>
                <ul className="ig-errors">
                  {run.errors.map((e, i) => (
                    <li key={i}>
                      {e.key && <strong>{e.key}: </strong>}
                      {e.reason}
                    </li>
                  ))}
                </ul>
                {run.errorCount > run.errors.length && (
                  <p className="meta">The first {formatNumber(run.errors.length)} are listed.</p>
                )}
              </details>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
