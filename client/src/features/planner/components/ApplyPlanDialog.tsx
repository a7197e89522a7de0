import type { Plan } from '@keyline/shared';
import { Dialog } from '../../../components/Dialog';

/** The one write the planner makes, said plainly before it happens. */
export function ApplyPlanDialog({
  plan,
  title,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  plan: Plan;
  title: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const n = plan.items.length;
  return (
    <Dialog title={`Apply the plan ${title.toLowerCase()}?`} onClose={onClose}>
      <p>
        {n === 1 ? 'This item moves' : `These ${n} items move`} to the top of the backlog, in the plan's order. Every
        other item keeps its order below them.
      </p>
      <ol className="plan-apply-list">
        {plan.items.slice(0, 8).map((row) => (
          <li key={row.id}>{row.title}</li>
        ))}
      </ol>
      {n > 8 && <p className="meta">…and {n - 8} more.</p>}
      {error && (
        <p role="alert" className="error-text">
          Couldn't apply the plan: {error}
        </p>
      )}
      <div className="row-actions okr-dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={onConfirm} disabled={pending}>
          {pending ? 'Applying…' : 'Apply as rank order'}
        </button>
      </div>
    </Dialog>
  );
}
