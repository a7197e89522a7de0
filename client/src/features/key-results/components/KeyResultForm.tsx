import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateKeyResultSchema,
  UpdateKeyResultSchema,
  type CreateKeyResultInput,
  type KeyResult,
  type UpdateKeyResultInput,
} from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { Dialog } from '../../../components/Dialog';
import { FormActions } from '../../../components/FormActions';
import { focusFirstInvalid, SelectField, TextField } from '../../../components/FormFields';
import { changedFields } from '../../../lib/form-validation';
import { showServerErrors, useSchemaForm, useVersionedSave } from '../../../lib/useSchemaForm';
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
  const form = useSchemaForm<KeyResultDraft, CreateKeyResultInput | UpdateKeyResultInput>(
    props.mode === 'create'
      ? {
          defaultValues: emptyDraft(),
          schema: CreateKeyResultSchema,
          toInput: (draft) => ({ objectiveId: props.objectiveId, ...draftToInput(draft, 'create') }),
        }
      : {
          defaultValues: draftFrom(props.keyResult),
          schema: UpdateKeyResultSchema,
          toInput: (draft) => draftToInput(draft, 'edit'),
        },
  );
  const errors = form.formState.errors;
  const mutation = props.mode === 'edit' ? update : create;
  const { data: me } = useSession();
  const members = useMembers();
  const owners = ownerChoices(members.data ?? [], props.mode === 'edit' ? props.keyResult.ownerId : null, me?.id);
  const edit = useVersionedSave<UpdateKeyResultInput, KeyResult>(update.mutate, {
    onSuccess: (saved) => {
      notify({ kind: 'success', message: `Saved “${saved.title}”` });
      props.onClose();
    },
    onError: (error) => showServerErrors(form, formRef, error),
  });

  const submit = form.handleSubmit(
    (input) => {
      if (props.mode === 'create') {
        create.mutate(input as CreateKeyResultInput, {
          onSuccess: (saved) => {
            notify({ kind: 'success', message: `Added key result “${saved.title}”` });
            props.onClose();
          },
          onError: (error) => showServerErrors(form, formRef, error),
        });
        return;
      }
      const changes = changedFields(props.keyResult, input as UpdateKeyResultInput) as UpdateKeyResultInput;
      if (Object.keys(changes).length === 0) return props.onClose();
      edit.save(props.keyResult.id, props.keyResult.version, changes);
    },
    () => focusFirstInvalid(formRef.current),
  );

  const title =
    props.mode === 'edit'
      ? `Edit key result “${props.keyResult.title}”`
      : `New key result for “${props.objectiveTitle}”`;
  return (
    <Dialog title={title} onClose={props.onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField
          label="Title"
          {...form.register('title')}
          error={errors.title?.message}
          autoFocus
          className="span-2"
        />
        <SelectField
          label="Metric type"
          {...form.register('metricType')}
          options={METRIC_OPTIONS}
          error={errors.metricType?.message}
        />
        <TextField label="Unit" {...form.register('unit')} error={errors.unit?.message} hint="e.g. tickets, %, $" />
        <TextField
          label="Start"
          {...form.register('startValue')}
          inputMode="decimal"
          error={errors.startValue?.message}
          placeholder="0"
        />
        <TextField
          label="Target"
          {...form.register('targetValue')}
          inputMode="decimal"
          error={errors.targetValue?.message}
        />
        <TextField
          label="Current"
          {...form.register('currentValue')}
          inputMode="decimal"
          error={errors.currentValue?.message}
          hint={props.mode === 'create' ? 'Blank starts at the start value' : 'Check-ins move it too'}
        />
        <TextField
          label="Weight"
          {...form.register('weight')}
          inputMode="decimal"
          error={errors.weight?.message}
          hint="Relative to its siblings"
        />
        <SelectField label="Owner" {...form.register('ownerId')} options={owners} error={errors.ownerId?.message} />
        <FormActions
          error={mutation.error}
          isPending={mutation.isPending}
          submitLabel={props.mode === 'edit' ? 'Save key result' : 'Add key result'}
          onCancel={props.onClose}
          conflict={
            props.mode === 'edit' && (
              <ConflictNotice
                error={update.error}
                what="key result"
                describe={(current) =>
                  describeKeyResultConflict(current as Partial<KeyResult>, edit.pendingChanges as Partial<KeyResult>)
                }
                onReload={() => {
                  void invalidateOkrData(client);
                  notify({ kind: 'info', message: 'Kept their version; your edit was dropped' });
                  props.onClose();
                }}
                onReapply={(current) => edit.save(props.keyResult.id, Number(current.version), edit.pendingChanges)}
              />
            )
          }
        />
      </form>
    </Dialog>
  );
}
