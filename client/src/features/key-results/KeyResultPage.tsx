import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useCan } from '../auth/useSession';
import { useComments } from '../comments/api/comments.api';
import { CommentThread } from '../comments/components/CommentThread';
import { useOutcomes } from '../outcomes/api/outcomes.api';
import { shippedMarkers } from '../outcomes/utils/kr-outcomes';
import { useLinkedItems } from '../backlog/api/backlog-items.api';
import { useCycle } from '../cycles/api/cycles.api';
import { useObjective } from '../objectives/api/objectives.api';
import { useKeyResultAudit } from './api/audit-events.api';
import { useCheckIns, useKeyResult } from './api/key-results.api';
import { AuditTrail } from './components/AuditTrail';
import { CheckInFigure } from './components/CheckInFigure';
import { CheckInForm } from './components/CheckInForm';
import { CheckInHistory } from './components/CheckInHistory';
import { DeleteKeyResultDialog } from './components/DeleteKeyResultDialog';
import { KeyResultForm } from './components/KeyResultForm';
import { KeyResultHeader } from './components/KeyResultHeader';
import { LinkedItems } from './components/LinkedItems';
import { WhatMoved } from './components/WhatMoved';
import { expectedProgress } from './utils/pace';
import './key-result.css';

/** Screen 2: one key result — where it stands against pace, its check-ins, the work behind it, its history. */
export function KeyResultPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const isEditor = useCan('editor');
  const kr = useKeyResult(id);
  const objective = useObjective(kr.data?.objectiveId);
  const cycle = useCycle(kr.data?.cycleId);
  const checkIns = useCheckIns(id);
  const linked = useLinkedItems(id);
  const audit = useKeyResultAudit(id);
  const comments = useComments({ type: 'key_result', id });
  const cycleId = kr.data?.cycleId;
  const outcomes = useOutcomes({ keyResultId: id, cycleId }, { enabled: Boolean(cycleId) });
  const shipped = useMemo(() => shippedMarkers(outcomes.data, id), [outcomes.data, id]);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);

  if (kr.isPending) {
    return (
      <p className="page-loading" role="status">
        Loading key result…
      </p>
    );
  }
  if (kr.isError) {
    const missing = kr.error instanceof ApiError && (kr.error.status === 404 || kr.error.status === 400);
    return (
      <section>
        <h1>{missing ? 'Key result not found' : 'Couldn’t load this key result'}</h1>
        <p role="alert">
          {missing ? 'It may have been deleted. Go back to the OKRs to find its replacement.' : kr.error.message}
        </p>
        {!missing && (
          <button type="button" className="button" onClick={() => void kr.refetch()}>
            Try again
          </button>
        )}
      </section>
    );
  }

  const keyResult = kr.data;
  const closed = cycle.data?.status === 'closed';
  const canEdit = isEditor && !closed;
  const expected = cycle.data ? expectedProgress(cycle.data, new Date()) : 0;
  return (
    <article className="kr-page">
      <KeyResultHeader
        keyResult={keyResult}
        objective={objective.data}
        cycle={cycle.data}
        expected={expected}
        canEdit={canEdit}
        onEdit={() => setDialog('edit')}
        onDelete={() => setDialog('delete')}
      />
      {closed && <p className="okr-note">{cycle.data?.name} is closed: this key result is read-only.</p>}
      <div className={`kr-main${canEdit ? ' with-form' : ''}`}>
        {cycle.data && checkIns.data ? (
          <CheckInFigure
            keyResult={keyResult}
            checkIns={checkIns.data}
            cycle={cycle.data}
            expected={expected}
            shipped={shipped}
          />
        ) : (
          <p className="meta" role="status">
            {checkIns.isError
              ? `Couldn't load check-ins: ${checkIns.error.message}`
              : cycle.isError
                ? `Couldn't load the quarter: ${cycle.error.message}`
                : 'Loading check-ins…'}
          </p>
        )}
        {canEdit && (
          <aside className="kr-aside" aria-label="Check in">
            <CheckInForm keyResult={keyResult} cycle={cycle.data} />
          </aside>
        )}
      </div>
      {outcomes.data ? (
        <WhatMoved keyResult={keyResult} report={outcomes.data} />
      ) : (
        outcomes.isError && <p className="meta">Couldn't load what moved this key result: {outcomes.error.message}</p>
      )}
      <div className="kr-columns">
        {checkIns.data && <CheckInHistory keyResult={keyResult} checkIns={checkIns.data} comments={comments.data} />}
        <div>
          <section className="kr-section" aria-labelledby="discussion-title">
            <h2 id="discussion-title">Discussion</h2>
            <CommentThread
              subject={{ type: 'key_result', id }}
              comments={comments.data?.filter((c) => c.subjectType === 'key_result')}
              loading={comments.isPending}
              error={comments.error}
              composerLabel="Comment on this key result"
            />
          </section>
          {linked.data ? (
            <LinkedItems keyResultId={id} items={linked.data.items} total={linked.data.total} />
          ) : (
            <p className="meta">
              {linked.isError ? `Couldn't load linked items: ${linked.error.message}` : 'Loading linked items…'}
            </p>
          )}
          {audit.data ? (
            <AuditTrail events={audit.data.items} total={audit.data.total} />
          ) : (
            <p className="meta">
              {audit.isError ? `Couldn't load the audit trail: ${audit.error.message}` : 'Loading audit trail…'}
            </p>
          )}
        </div>
      </div>
      {dialog === 'edit' && <KeyResultForm mode="edit" keyResult={keyResult} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <DeleteKeyResultDialog
          keyResult={keyResult}
          onClose={() => setDialog(null)}
          onDeleted={() => navigate(`/okrs?cycle=${keyResult.cycleId}`)}
        />
      )}
    </article>
  );
}
