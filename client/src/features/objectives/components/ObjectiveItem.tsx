import { useState } from 'react';
import { ConfidenceBadge } from '../../key-results/components/ConfidenceBadge';
import { worstBand } from '../../key-results/utils/confidence';
import type { VisibleObjective } from '../utils/okr-filters';
import { KeyResultRow } from '../../key-results/components/KeyResultRow';
import type { OkrDialog } from './OkrDialogs';
import { ProgressBar } from '../../../components/ProgressBar';

/**
 * One objective of the alignment tree: a disclosure heading with its rolled-up
 * progress and status, then its key results and the team objectives that
 * ladder up to it, nested as lists. Under filters it lists only the matching
 * key results and says how many are hidden; its progress and status still
 * roll up all of them.
 */
export function ObjectiveItem({
  node,
  teamName,
  pace,
  canEdit,
  onAction,
}: {
  node: VisibleObjective;
  teamName: (id: string | null) => string | null;
  pace: number | null;
  canEdit: boolean;
  onAction: (dialog: OkrDialog) => void;
}) {
  const [open, setOpen] = useState(true);
  const { objective, keyResults, visibleKeyResults, children, depth, label, context } = node;
  const hidden = keyResults.length - visibleKeyResults.length;
  const Heading = depth === 0 ? 'h2' : 'h3';
  const bodyId = `objective-body-${objective.id}`;
  const team = teamName(objective.teamId);
  const status = worstBand(keyResults.map((kr) => kr.latestConfidence));
  const lowest = keyResults.reduce<number | null>(
    (min, kr) => (kr.latestConfidence === null ? min : Math.min(min ?? 10, kr.latestConfidence)),
    null,
  );
  return (
    <li className={`objective depth-${Math.min(depth, 3)}${context ? ' context' : ''}`} data-testid="objective">
      <div className="objective-head">
        <Heading className="objective-title">
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="disclosure-icon" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span className="objective-label">{label}</span> {objective.title}
          </button>
        </Heading>
        {/* The slot stays when there is no team so bars line up down the tree. */}
        <span className="objective-team">{team && <span className="badge">{team}</span>}</span>
        <ProgressBar value={objective.progress} pace={pace} label={`Progress of ${objective.title}`} />
        <span title="The lowest confidence among its key results">
          <ConfidenceBadge confidence={lowest} band={status} />
        </span>
      </div>
      <div id={bodyId} hidden={!open} className="objective-body">
        {objective.description && <p className="objective-description">{objective.description}</p>}
        {canEdit && (
          <div className="row-actions objective-actions">
            <button
              type="button"
              className="button ghost small"
              onClick={() => onAction({ kind: 'new-kr', objective })}
              aria-label={`Add key result to ${objective.title}`}
            >
              + Key result
            </button>
            <button
              type="button"
              className="button ghost small"
              onClick={() => onAction({ kind: 'new-objective', parentId: objective.id })}
              aria-label={`Add team objective under ${objective.title}`}
            >
              + Team objective
            </button>
            <button
              type="button"
              className="button ghost small"
              onClick={() => onAction({ kind: 'edit-objective', objective })}
              aria-label={`Edit objective ${objective.title}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button ghost small"
              onClick={() => onAction({ kind: 'delete-objective', objective, keyResultCount: keyResults.length })}
              aria-label={`Delete objective ${objective.title}`}
            >
              Delete
            </button>
          </div>
        )}
        {visibleKeyResults.length > 0 && (
          <ul className="kr-list" aria-label={`Key results of ${objective.title}`}>
            {visibleKeyResults.map((kr) => (
              <KeyResultRow key={kr.id} keyResult={kr} pace={pace} canEdit={canEdit} onAction={onAction} />
            ))}
          </ul>
        )}
        {context ? (
          <p className="meta kr-hidden">Doesn't match the filters; shown for the objectives beneath it.</p>
        ) : hidden > 0 ? (
          <p className="meta kr-hidden">
            {hidden === 1 ? '1 key result' : `${hidden} key results`} hidden by the filters.
          </p>
        ) : (
          keyResults.length === 0 && (
            <p className="meta kr-empty">
              {canEdit ? 'No key results yet — add 2–4 that would show this objective is met.' : 'No key results yet.'}
            </p>
          )
        )}
        {children.length > 0 && (
          <ul className="objective-list" aria-label={`Team objectives under ${objective.title}`}>
            {children.map((child) => (
              <ObjectiveItem
                key={child.objective.id}
                node={child}
                teamName={teamName}
                pace={pace}
                canEdit={canEdit}
                onAction={onAction}
              />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
