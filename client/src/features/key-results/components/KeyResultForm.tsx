import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateKeyResultSchema,
  UpdateKeyResultSchema,
  type KeyResult,
  type UpdateKeyResultInput,
} from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { Dialog } from '../../../components/Dialog';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { ServerError } from '../../../components/ServerError';
import { changedFields, serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-validation';
import { useSession } from '../../auth/useSession';
import { ownerChoices } from '../../users/utils/owner-options';
import { useMembers } from '../../users/hooks/useMembers';
import { useCreateKeyResult, useUpdateKeyResult } from '../api/key-results.api';
import { invalidateOkrData } from '../../../lib/query-keys';
import {
  describeKeyResultConflict,
  draftFrom,
  draftToInput,
  emptyDraft,
  METRIC_OPTIONS,
  type KeyResultDraft,
} from '../utils/key-result-draft';

type Props =
  | { mode: 'create'; objectiveId: string; objectiveTitle: string; onClose: () => void }
  | { mode: 'edit'; keyResult: KeyResult; onClose: () => void };

/** Create or edit a key result in a dialog; validated by the shared schemas, 412 handled in place. */
export function KeyResultForm(props: Props) {
  const notify = useNotify();
  const client = useQueryClient();
  const create = useCreateKeyResult();
  const update = useUpdateKeyResult();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<KeyResultDraft>(props.mode === 'edit' ? draftFrom(props.keyResult) : emptyDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pendingChanges, setPendingChanges] = useState<UpdateKeyResultInput>({});
  const mutation = props.mode === 'edit' ? update : create;
  const { data: me } = useSession();
  const members = useMembers();
  const owners = ownerChoices(members.data ?? [], props.mode === 'edit' ? props.keyResult.ownerId : null, me?.id);
  const set = (field: keyof KeyResultDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  const fail = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };

  const saveChanges = (keyResult: KeyResult, version: number, changes: UpdateKeyResultInput) => {
    setPendingChanges(changes);
    update.mutate(
      { id: keyResult.id, version, changes },
      {
        onSuccess: (saved) => {
          notify({ kind: 'success', message: `Saved “${saved.title}”` });
          props.onClose();
        },
        onError: (error) => fail(serverFieldErrors(error)),
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.mode === 'create') {
      const result = validateWith(CreateKeyResultSchema, {
        objectiveId: props.objectiveId,
        ...draftToInput(draft, 'create'),
      });
      if (!result.ok) return fail(result.errors);
      setErrors({});
      create.mutate(result.data, {
        onSuccess: (saved) => {
          notify({ kind: 'success', message: `Added key result “${saved.title}”` });
          props.onClose();
        },
        onError: (error) => fail(serverFieldErrors(error)),
      });
      return;
    }
    const result = validateWith(UpdateKeyResultSchema, draftToInput(draft, 'edit'));
    if (!result.ok) return fail(result.errors);
    setErrors({});
    const changes = changedFields(props.keyResult, result.data) as UpdateKeyResultInput;
    if (Object.keys(changes).length === 0) return props.onClose();
    saveChanges(props.keyResult, props.keyResult.version, changes);
  };

  const title =
    props.mode === 'edit'
      ? `Edit key result “${props.keyResult.title}”`
      : `New key result for “${props.objectiveTitle}”`;
  return (
    <Dialog title={title} onClose={props.onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField
          label="Title"
          name="title"
          value={draft.title}
          onChange={set('title')}
          error={errors.title}
          autoFocus
          className="span-2"
        />
        <SelectField
          label="Metric type"
          name="metricType"
          value={draft.metricType}
          onChange={set('metricType')}
          options={METRIC_OPTIONS}
          error={errors.metricType}
        />
        <TextField
          label="Unit"
          name="unit"
          value={draft.unit}
          onChange={set('unit')}
          error={errors.unit}
          hint="e.g. tickets, %, $"
        />
        <TextField
          label="Start"
          name="startValue"
          inputMode="decimal"
          value={draft.startValue}
          onChange={set('startValue')}
          error={errors.startValue}
          placeholder="0"
        />
        <TextField
          label="Target"
          name="targetValue"
          inputMode="decimal"
          value={draft.targetValue}
          onChange={set('targetValue')}
          error={errors.targetValue}
        />
        <TextField
          label="Current"
          name="currentValue"
          inputMode="decimal"
          value={draft.currentValue}
          onChange={set('currentValue')}
          error={errors.currentValue}
          hint={props.mode === 'create' ? 'Blank starts at the start value' : 'Check-ins move it too'}
        />
        <TextField
          label="Weight"
          name="weight"
          inputMode="decimal"
          value={draft.weight}
          onChange={set('weight')}
          error={errors.weight}
          hint="Relative to its siblings"
        />
        <SelectField
          label="Owner"
          name="ownerId"
          value={draft.ownerId}
          onChange={set('ownerId')}
          options={owners}
          error={errors.ownerId}
        />
        <div className="span-2">
          <ServerError error={mutation.error} />
          {props.mode === 'edit' && (
            <ConflictNotice
              error={update.error}
              what="key result"
              describe={(current) =>
                describeKeyResultConflict(current as Partial<KeyResult>, pendingChanges as Partial<KeyResult>)
              }
              onReload={() => {
                void invalidateOkrData(client);
                notify({ kind: 'info', message: 'Kept their version; your edit was dropped' });
                props.onClose();
              }}
              onReapply={(current) => saveChanges(props.keyResult, Number(current.version), pendingChanges)}
            />
          )}
          <div className="row-actions okr-dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : props.mode === 'edit' ? 'Save key result' : 'Add key result'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
