import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { gradeBand, type KeyResult } from '@keyline/shared';
import { useCan } from '../auth/useSession';
import { useCycleKeyResults } from '../key-results/api/key-results.api';
import { useCycle } from './api/cycles.api';
import { useObjectives } from '../objectives/api/objectives.api';
import { buildObjectiveTree, type ObjectiveNode } from '../objectives/utils/tree';
import { QuarterOutcomes } from '../outcomes/components/QuarterOutcomes';
import { GradeBadge } from './components/GradeBadge';
import { GradeRow } from './components/GradeRow';
import { GRADE_ICON, GRADE_LABEL } from './utils/grade-bands';
import { flattenTree } from './utils/close-plan';
import './close-cycle.css';

/** Quarter-end grading (/cycles/:id/grades): each KR 0.0–1.0 with a retro note; objectives roll up by KR weight. */
export function GradesPage() {
  const { id = '' } = useParams();
  const canEditRole = useCan('editor');
  const cycle = useCycle(id);
  const objectives = useObjectives(id);
  const keyResults = useCycleKeyResults(id);
  const nodes = useMemo(
    () => flattenTree(buildObjectiveTree(objectives.data ?? [], keyResults.data ?? [])),
    [objectives.data, keyResults.data],
  );

  const error = cycle.error ?? objectives.error ?? keyResults.error;
  if (error) {
    return (
      <section>
        <h1>Grades</h1>
        <p role="alert">Couldn't load this quarter: {error.message}</p>
      </section>
    );
  }
  if (!cycle.data || !objectives.data || !keyResults.data) {
    return (
      <p className="page-loading" role="status">
        Loading grades…
      </p>
    );
  }
  const c = cycle.data;
  // Grades are for quarter's end: the server takes them while a quarter is active or closed.
  const open = c.status !== 'planning';
  const canEdit = canEditRole && open;
  const graded = keyResults.data.filter((kr) => kr.grade !== null).length;
  return (
    <section className="grades-page" aria-labelledby="grades-title">
      <div className="quarter-head">
        <h1 id="grades-title">Grades · {c.name}</h1>
        <div className="row-actions">
          <Link to={`/okrs?cycle=${c.id}`} className="button">
            Back to the OKRs
          </Link>
          {canEditRole && c.status === 'active' && (
            <Link to={`/cycles/${c.id}/close`} className="button primary">
              Close the quarter…
            </Link>
          )}
        </div>
      </div>
      <p className="grades-intro">
        {canEditRole ? 'Grade each key result' : 'Each key result is graded'} from 0.0 to 1.0. For a stretch goal 0.7
        already counts as met:{' '}
        <span className="nowrap">
          {GRADE_ICON.green} {GRADE_LABEL.green} 0.7–1.0
        </span>{' '}
        ·{' '}
        <span className="nowrap">
          {GRADE_ICON.yellow} {GRADE_LABEL.yellow} 0.4–0.6
        </span>{' '}
        ·{' '}
        <span className="nowrap">
          {GRADE_ICON.red} {GRADE_LABEL.red} 0.0–0.3
        </span>
        .
        {canEditRole
          ? ' The suggestion comes from progress; change it where the number misleads.'
          : ' Grades are written by editors.'}
      </p>
      {!open && <p className="quarter-note">Grading opens once {c.name} is active.</p>}
      {c.status === 'closed' && (
        <p className="quarter-note">
          {c.name} is closed: its OKRs are read-only
          {canEditRole ? ', but grades and retro notes can still be written' : ''}.
        </p>
      )}
      <p className="meta" data-testid="graded-count">
        {graded} of {keyResults.data.length} key results graded
      </p>
      {open && <QuarterOutcomes cycleId={c.id} cycleName={c.name} />}
      {nodes.length === 0 ? (
        <p>No objectives in {c.name}.</p>
      ) : (
        <ul className="grades-objectives">
          {nodes.map((node) => (
            <ObjectiveGrades key={node.objective.id} node={node} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ObjectiveGrades({ node, canEdit }: { node: ObjectiveNode; canEdit: boolean }) {
  const { objective, keyResults, depth } = node;
  const graded = keyResults.filter((kr: KeyResult) => kr.grade !== null).length;
  return (
    <li className={`grades-objective depth-${Math.min(depth, 2)}`} data-testid="grade-objective">
      <div className="grades-objective-head">
        <h2 className="grades-objective-title">{objective.title}</h2>
        {objective.grade !== null ? (
          <GradeBadge grade={objective.grade} band={gradeBand(objective.grade)} prefix="Objective" />
        ) : (
          <span className="meta">
            {keyResults.length === 0
              ? 'No key results'
              : `Rolls up once all ${keyResults.length} key results are graded (${graded} so far)`}
          </span>
        )}
      </div>
      <ul className="grades-krs">
        {keyResults.map((kr) => (
          // Keyed by version: after a save or someone else's change the row starts from the server's values.
          <GradeRow key={`${kr.id}-${kr.version}`} keyResult={kr} canEdit={canEdit} />
        ))}
      </ul>
    </li>
  );
}
