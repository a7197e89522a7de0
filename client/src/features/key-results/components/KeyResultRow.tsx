import { Link } from 'react-router';
import type { KeyResult } from '@keyline/shared';
import { formatAge } from '../../../lib/format';
import { ConfidenceBadge } from './ConfidenceBadge';
import { formatGrade, GRADE_ICON, GRADE_LABEL } from '../../cycles/utils/grade-bands';
import { describeTrajectory, formatTrajectory } from '../utils/format-kr';
import type { OkrDialog } from '../../objectives/components/OkrDialogs';
import { ProgressBar } from '../../../components/ProgressBar';

export function KeyResultRow({
  keyResult: kr,
  pace,
  canEdit,
  onAction,
}: {
  keyResult: KeyResult;
  pace: number | null;
  canEdit: boolean;
  onAction: (dialog: OkrDialog) => void;
}) {
  // The server decides "due" from the workspace's check-in cadence (active cycle only), as Operately's "Outdated".
  const due = kr.checkInDue;
  const items = kr.openItemCount;
  return (
    <li className="kr-row" data-testid="kr-row">
      <div className="kr-title">
        <span className="kr-tag" aria-hidden="true">
          KR
        </span>
        <Link to={`/key-results/${kr.id}`}>{kr.title}</Link>
        {kr.code && (
          <span className="kr-code" title={`Short code: trackers label its work keyline-kr-${kr.code}`}>
            {kr.code}
          </span>
        )}
      </div>
      <div className="kr-values num">
        <span aria-hidden="true">{formatTrajectory(kr)}</span>
        <span className="sr-only">{describeTrajectory(kr)}</span>
      </div>
      <ProgressBar value={kr.progress} pace={pace} label={`Progress of ${kr.title}`} />
      <ConfidenceBadge confidence={kr.latestConfidence} />
      {kr.grade !== null && kr.gradeBand !== null ? (
        // Once graded (usually a closed quarter) the grade says more than the last check-in's age.
        <span className="kr-age meta" title={kr.gradeNote ?? undefined}>
          <span aria-hidden="true">{GRADE_ICON[kr.gradeBand]} </span>
          Graded {formatGrade(kr.grade)} · {GRADE_LABEL[kr.gradeBand]}
        </span>
      ) : (
        <span className={`kr-age meta${due ? ' outdated' : ''}`}>
          {due && (
            <>
              <span aria-hidden="true">⚠ </span>Check-in due:{' '}
            </>
          )}
          {kr.lastCheckInAt === null
            ? due
              ? 'never checked in'
              : 'Never checked in'
            : `${due ? 'last' : 'Checked in'} ${formatAge(kr.lastCheckInAt)}`}
        </span>
      )}
      <Link className="kr-items" to={`/backlog?keyResultId=${kr.id}`}>
        {items === 1 ? '1 open item' : `${items} open items`}
        <span className="sr-only"> serving {kr.title}</span>
      </Link>
      {canEdit && (
        <span className="kr-actions row-actions">
          <button
            type="button"
            className="button ghost small"
            aria-label={`Edit key result ${kr.title}`}
            onClick={() => onAction({ kind: 'edit-kr', keyResult: kr })}
          >
            Edit
          </button>
          <button
            type="button"
            className="button ghost small"
            aria-label={`Delete key result ${kr.title}`}
            onClick={() => onAction({ kind: 'delete-kr', keyResult: kr })}
          >
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
