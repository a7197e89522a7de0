import type { Cycle, KeyResult, Objective, Team } from '@keyline/shared';
import { DeleteKeyResultDialog } from '../../key-results/components/DeleteKeyResultDialog';
import { KeyResultForm } from '../../key-results/components/KeyResultForm';
import { CycleForm } from '../../cycles/components/CycleForm';
import { DeleteObjectiveDialog } from './DeleteObjectiveDialog';
import { ObjectiveForm } from './ObjectiveForm';

/** Which edit dialog the OKRs screen has open, if any. One at a time keeps focus handling simple. */
export type OkrDialog =
  | { kind: 'new-cycle' }
  | { kind: 'edit-cycle'; cycle: Cycle }
  | { kind: 'new-objective'; parentId: string | null }
  | { kind: 'edit-objective'; objective: Objective }
  | { kind: 'delete-objective'; objective: Objective; keyResultCount: number }
  | { kind: 'new-kr'; objective: Objective }
  | { kind: 'edit-kr'; keyResult: KeyResult }
  | { kind: 'delete-kr'; keyResult: KeyResult };

export function OkrDialogs({
  dialog,
  cycle,
  objectives,
  teams,
  onClose,
  onCycleCreated,
}: {
  dialog: OkrDialog | null;
  cycle: Cycle | null;
  objectives: Objective[];
  teams: Team[];
  onClose: () => void;
  onCycleCreated: (cycle: Cycle) => void;
}) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'new-cycle':
      return <CycleForm onClose={onClose} onCreated={onCycleCreated} />;
    case 'edit-cycle':
      return <CycleForm cycle={dialog.cycle} onClose={onClose} />;
    case 'new-objective':
      return cycle ? (
        <ObjectiveForm
          mode="create"
          cycleId={cycle.id}
          cycleName={cycle.name}
          parentId={dialog.parentId}
          objectives={objectives}
          teams={teams}
          onClose={onClose}
        />
      ) : null;
    case 'edit-objective':
      return (
        <ObjectiveForm
          mode="edit"
          objective={dialog.objective}
          objectives={objectives}
          teams={teams}
          onClose={onClose}
        />
      );
    case 'delete-objective':
      return (
        <DeleteObjectiveDialog objective={dialog.objective} keyResultCount={dialog.keyResultCount} onClose={onClose} />
      );
    case 'new-kr':
      return (
        <KeyResultForm
          mode="create"
          objectiveId={dialog.objective.id}
          objectiveTitle={dialog.objective.title}
          onClose={onClose}
        />
      );
    case 'edit-kr':
      return <KeyResultForm mode="edit" keyResult={dialog.keyResult} onClose={onClose} />;
    case 'delete-kr':
      return <DeleteKeyResultDialog keyResult={dialog.keyResult} onClose={onClose} />;
  }
}
