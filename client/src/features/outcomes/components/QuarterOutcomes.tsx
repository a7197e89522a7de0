import { Link } from 'react-router';
import { LoadError } from '../../../components/LoadError';
import { useOutcomes } from '../api/outcomes.api';
import { OutcomeFigures } from './OutcomeFigures';
import '../outcomes.css';

/**
 * A quarter's outcome figures beside its grades and at its close, so the
 * retro starts from what the shipped work did, not only from the grades.
 */
export function QuarterOutcomes({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const report = useOutcomes({ cycleId });
  return (
    <section className="quarter-outcomes" aria-labelledby="quarter-outcomes-title" data-testid="quarter-outcomes">
      <h2 id="quarter-outcomes-title">What the shipped work did in {cycleName}</h2>
      {report.isPending && <p role="status">Loading the outcome figures…</p>}
      {report.isError && (
        <LoadError what="outcome figures" error={report.error} onRetry={() => void report.refetch()} />
      )}
      {report.data && (
        <>
          <OutcomeFigures report={report.data} level={3} />
          <p className="meta">
            {report.data.note} <Link to={`/outcomes?cycle=${cycleId}`}>See every shipped item</Link>
          </p>
        </>
      )}
    </section>
  );
}
