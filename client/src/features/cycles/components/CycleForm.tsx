import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateCycleSchema,
  quarterName,
  UpdateCycleSchema,
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
import { changedFields, serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-validation';
import { Dialog } from '../../../components/Dialog';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { ServerError } from '../../../components/ServerError';

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
  const [name, setName] = useState(cycle?.name ?? suggestion.name);
  const [startsOn, setStartsOn] = useState(cycle?.startsOn ?? suggestion.startsOn);
  const [endsOn, setEndsOn] = useState(cycle?.endsOn ?? suggestion.endsOn);
  const [status, setStatus] = useState<CycleStatus>(cycle?.status ?? 'planning');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pendingChanges, setPendingChanges] = useState<UpdateCycleInput>({});
  const fail = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };

  const saveChanges = (current: Cycle, version: number, changes: UpdateCycleInput) => {
    setPendingChanges(changes);
    update.mutate(
      { id: current.id, version, changes },
      {
        onSuccess: (saved) => {
          notify({ kind: 'success', message: `Saved ${saved.name}` });
          onClose();
        },
        onError: (error) => fail(serverFieldErrors(error)),
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { name, startsOn, endsOn, status };
    if (!cycle) {
      const result = validateWith(CreateCycleSchema, input);
      if (!result.ok) return fail(result.errors);
      setErrors({});
      create.mutate(result.data, {
        onSuccess: (saved) => {
          notify({ kind: 'success', message: `Created ${saved.name}` });
          onCreated?.(saved);
          onClose();
        },
        onError: (error) => fail(serverFieldErrors(error)),
      });
      return;
    }
    const result = validateWith(UpdateCycleSchema, input);
    if (!result.ok) return fail(result.errors);
    setErrors({});
    const changes = changedFields(cycle, result.data) as UpdateCycleInput;
    if (Object.keys(changes).length === 0) return onClose();
    saveChanges(cycle, cycle.version, changes);
  };

  // Creating may start a cycle as planning or active; editing only moves it forward.
  const statuses: CycleStatus[] = cycle ? forwardStatuses(cycle.status) : ['planning', 'active'];
  return (
    <Dialog title={cycle ? `Edit ${cycle.name}` : 'New quarter'} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoFocus
          className="span-2"
        />
        <TextField
          label="Starts on"
          name="startsOn"
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={errors.startsOn}
        />
        <TextField
          label="Ends on"
          name="endsOn"
          type="date"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={errors.endsOn}
        />
        <SelectField
          label="Status"
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as CycleStatus)}
          options={statuses.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          error={errors.status}
          hint={
            cycle
              ? 'A quarter only moves forward: planning → active → closed. Closing makes its OKRs read-only.'
              : 'Only one quarter can be active.'
          }
          className="span-2"
        />
        <div className="span-2">
          <ServerError error={mutation.error} />
          {cycle && (
            <ConflictNotice
              error={update.error}
              what="quarter"
              describe={(current) => `Theirs: ${String(current.name)}, ${String(current.status)}.`}
              onReload={() => {
                void invalidateOkrData(client);
                onClose();
              }}
              onReapply={(current) => saveChanges(cycle, Number(current.version), pendingChanges)}
            />
          )}
          <div className="row-actions okr-dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : cycle ? 'Save quarter' : 'Create quarter'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
