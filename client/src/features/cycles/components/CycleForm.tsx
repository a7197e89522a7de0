import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateCycleSchema,
  quarterName,
  UpdateCycleSchema,
  type CreateCycleInput,
  type Cycle,
  type CycleStatus,
  type UpdateCycleInput,
  isoDay,
} from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { invalidateOkrData } from '../../../lib/query-keys';
import { useCreateCycle, useUpdateCycle } from '../api/cycles.api';
import { forwardStatuses, STATUS_LABEL } from '../utils/cycle-status';
import { changedFields } from '../../../lib/form-validation';
import { showServerErrors, useSchemaForm, useVersionedSave } from '../../../lib/useSchemaForm';
import { Dialog } from '../../../components/Dialog';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { FormActions } from '../../../components/FormActions';

/** This quarter's first and last day, as a starting suggestion for a new cycle. */
function currentQuarter(today = new Date()): { name: string; startsOn: string; endsOn: string } {
  const q = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(today.getUTCFullYear(), q * 3, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), q * 3 + 3, 0));
  return {
    name: quarterName(today),
    startsOn: isoDay(start),
    endsOn: isoDay(end),
  };
}

/** What the cycle form holds: the fields as typed. */
interface CycleDraft {
  name: string;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
}

/** Create a cycle (a quarter) or edit one; its status only moves forward. */
export function CycleForm({
  cycle,
  onClose,
  onCreated,
}: {
  cycle?: Cycle;
  onClose: () => void;
  onCreated?: (cycle: Cycle) => void;
}) {
  const notify = useNotify();
  const client = useQueryClient();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const mutation = cycle ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const suggestion = currentQuarter();
  const form = useSchemaForm<CycleDraft, CreateCycleInput | UpdateCycleInput>({
    defaultValues: {
      name: cycle?.name ?? suggestion.name,
      startsOn: cycle?.startsOn ?? suggestion.startsOn,
      endsOn: cycle?.endsOn ?? suggestion.endsOn,
      status: cycle?.status ?? 'planning',
    },
    schema: cycle ? UpdateCycleSchema : CreateCycleSchema,
    toInput: (draft) => draft,
  });
  const errors = form.formState.errors;
  const edit = useVersionedSave<UpdateCycleInput, Cycle>(update.mutate, {
    onSuccess: (saved) => {
      notify({ kind: 'success', message: `Saved ${saved.name}` });
      onClose();
    },
    onError: (error) => showServerErrors(form, formRef, error),
  });

  const submit = form.handleSubmit(
    (input) => {
      if (!cycle) {
        create.mutate(input as CreateCycleInput, {
          onSuccess: (saved) => {
            notify({ kind: 'success', message: `Created ${saved.name}` });
            onCreated?.(saved);
            onClose();
          },
          onError: (error) => showServerErrors(form, formRef, error),
        });
        return;
      }
      const changes = changedFields(cycle, input as UpdateCycleInput) as UpdateCycleInput;
      if (Object.keys(changes).length === 0) return onClose();
      edit.save(cycle.id, cycle.version, changes);
    },
    () => focusFirstInvalid(formRef.current),
  );

  // Creating may start a cycle as planning or active; editing only moves it forward.
  const statuses: CycleStatus[] = cycle ? forwardStatuses(cycle.status) : ['planning', 'active'];
  return (
    <Dialog title={cycle ? `Edit ${cycle.name}` : 'New quarter'} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField label="Name" {...form.register('name')} error={errors.name?.message} autoFocus className="span-2" />
        <TextField label="Starts on" {...form.register('startsOn')} type="date" error={errors.startsOn?.message} />
        <TextField label="Ends on" {...form.register('endsOn')} type="date" error={errors.endsOn?.message} />
        <SelectField
          label="Status"
          {...form.register('status')}
          options={statuses.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          error={errors.status?.message}
          hint={
            cycle
              ? 'A quarter only moves forward: planning → active → closed. Closing makes its OKRs read-only.'
              : 'Only one quarter can be active.'
          }
          className="span-2"
        />
        <FormActions
          error={mutation.error}
          isPending={mutation.isPending}
          submitLabel={cycle ? 'Save quarter' : 'Create quarter'}
          onCancel={onClose}
          conflict={
            cycle && (
              <ConflictNotice
                error={update.error}
                what="quarter"
                describe={(current) => `Theirs: ${String(current.name)}, ${String(current.status)}.`}
                onReload={() => {
                  void invalidateOkrData(client);
                  onClose();
                }}
                onReapply={(current) => edit.save(cycle.id, Number(current.version), edit.pendingChanges)}
              />
            )
          }
        />
      </form>
    </Dialog>
  );
}
