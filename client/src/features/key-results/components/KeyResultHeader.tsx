import { Link } from 'react-router';
import type { Cycle, KeyResult, Objective } from '@keyline/shared';
import { ProgressBar } from '../../../components/ProgressBar';
import { useOwnerName } from '../hooks/useOwnerName';
import { describeTrajectory, formatTrajectory } from '../utils/format-kr';
import { paceSentence } from '../utils/pace';
import { ConfidenceBadge } from './ConfidenceBadge';

/** Objective › KR title, confidence, start → current → target, progress against pace. */
export function KeyResultHeader({
  keyResult: kr,
  objective,
  cycle,
  expected,
  canEdit,
  onEdit,
  onDelete,
}: {
  keyResult: KeyResult;
  objective: Objective | undefined;
  cycle: Cycle | undefined;
  expected: number;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const owner = useOwnerName(kr.ownerId);
  return (
    <header className="kr-header">
      <nav aria-label="Breadcrumb" className="kr-breadcrumb meta">
        <ol>
          <li>
            <Link to={`/okrs?cycle=${kr.cycleId}`}>OKRs{cycle ? ` · ${cycle.name}` : ''}</Link>
          </li>
          <li>{objective?.title ?? 'Objective'}</li>
        </ol>
      </nav>
      <div className="kr-title-row">
        <h1>{kr.title}</h1>
        {kr.code && (
          <span className="kr-code" title={`Short code: trackers label its work keyline-kr-${kr.code}`}>
            {kr.code}
          </span>
        )}
        <ConfidenceBadge confidence={kr.latestConfidence} />
        {owner && <span className="meta">Owner: {owner}</span>}
        {canEdit && (
          <span className="row-actions kr-header-actions">
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="button" onClick={onDelete}>
              Delete
            </button>
          </span>
        )}
      </div>
      <div className="kr-figures">
        <p className="kr-trajectory num" data-testid="kr-trajectory">
          <span aria-hidden="true">{formatTrajectory(kr)}</span>
          <span className="sr-only">{describeTrajectory(kr)}</span>
        </p>
        <ProgressBar value={kr.progress} pace={expected} label={`Progress of ${kr.title}`} />
        <p className="kr-pace" data-testid="kr-pace">
          {paceSentence(kr.progress, expected)}
        </p>
      </div>
    </header>
  );
}
