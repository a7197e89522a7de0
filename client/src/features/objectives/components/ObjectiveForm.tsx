import { useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateObjectiveSchema,
  UpdateObjectiveSchema,
  type CreateObjectiveInput,
  type Objective,
  type Team,
  type UpdateObjectiveInput,
} from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { Dialog } from '../../../components/Dialog';
import { FormActions } from '../../../components/FormActions';
import { focusFirstInvalid, SelectField, TextAreaField, TextField } from '../../../components/FormFields';
import { useNotify } from '../../../components/Notifier';
import { changedFields, numberOrUndefined } from '../../../lib/form-validation';
import { invalidateOkrData } from '../../../lib/query-keys';
import { showServerErrors, useSchemaForm, useVersionedSave } from '../../../lib/useSchemaForm';
import { useSession } from '../../auth/useSession';
import { ownerChoices } from '../../users/utils/owner-options';
import { useMembers } from '../../users/hooks/useMembers';
import { useCreateObjective, useUpdateObjective } from '../api/objectives.api';
import { buildObjectiveTree, descendantIds, flattenTree } from '../utils/tree';

type Props = {
  objectives: Objective[];
  teams: Team[];
  onClose: () => void;
} & (
  | { mode: 'create'; cycleId: string; cycleName: string; parentId: string | null }
  | { mode: 'edit'; objective: Objective }
);

/** What the objective form holds: text as typed; '' for "none" in the selects. */
interface ObjectiveDraft {
  title: string;
  description: string;
  teamId: string;
  parentId: string;
  weight: string;
  ownerId: string;
}

const draftToInput = (draft: ObjectiveDraft) => ({
  title: draft.title,
  description: draft.description,
  teamId: draft.teamId || null,
  parentId: draft.parentId || null,
  weight: numberOrUndefined(draft.weight) ?? Number.NaN,
  ownerId: draft.ownerId || null,
});

/** Create or edit an objective: title, description, team, the objective it ladders up to, weight. */
export function ObjectiveForm(props: Props) {
  const notify = useNotify();
  const client = useQueryClient();
  const create = useCreateObjective();
  const update = useUpdateObjective();
  const mutation = props.mode === 'edit' ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const initial = props.mode === 'edit' ? props.objective : null;
  const form = useSchemaForm<ObjectiveDraft, CreateObjectiveInput | UpdateObjectiveInput>({
    defaultValues: {
      title: initial?.title ?? '',
      description: initial?.description ?? '',
      teamId: initial?.teamId ?? '',
      parentId: (props.mode === 'edit' ? props.objective.parentId : props.parentId) ?? '',
      weight: String(initial?.weight ?? 1),
      ownerId: initial?.ownerId ?? '',
    },
    schema: props.mode === 'create' ? CreateObjectiveSchema : UpdateObjectiveSchema,
    toInput: (draft) =>
      props.mode === 'create' ? { cycleId: props.cycleId, ...draftToInput(draft) } : draftToInput(draft),
  });
  const errors = form.formState.errors;
  const { data: me } = useSession();
  const members = useMembers();
  const owners = ownerChoices(members.data ?? [], initial?.ownerId ?? null, me?.id);
  const edit = useVersionedSave<UpdateObjectiveInput, Objective>(update.mutate, {
    onSuccess: (saved) => {
      notify({ kind: 'success', message: `Saved “${saved.title}”` });
      props.onClose();
    },
    onError: (error) => showServerErrors(form, formRef, error),
  });

  const parentOptions = useMemo(() => {
    const excluded = initial ? descendantIds(props.objectives, initial.id) : new Set<string>();
    const flat = flattenTree(buildObjectiveTree(props.objectives, [])).filter((n) => !excluded.has(n.objective.id));
    return [
      { value: '', label: 'None — a company objective' },
      ...flat.map((n) => ({ value: n.objective.id, label: `${'— '.repeat(n.depth)}${n.objective.title}` })),
    ];
  }, [props.objectives, initial]);
  const teamOptions = [
    { value: '', label: 'No team (company-wide)' },
    ...props.teams.map((t) => ({ value: t.id, label: t.name })),
  ];

  const submit = form.handleSubmit(
    (input) => {
      if (props.mode === 'create') {
        create.mutate(input as CreateObjectiveInput, {
          onSuccess: (saved) => {
            notify({ kind: 'success', message: `Added objective “${saved.title}”` });
            props.onClose();
          },
          onError: (error) => showServerErrors(form, formRef, error),
        });
        return;
      }
      const changes = changedFields(props.objective, input as UpdateObjectiveInput) as UpdateObjectiveInput;
      if (Object.keys(changes).length === 0) return props.onClose();
      edit.save(props.objective.id, props.objective.version, changes);
    },
    () => focusFirstInvalid(formRef.current),
  );

  const heading =
    props.mode === 'edit' ? `Edit objective “${props.objective.title}”` : `New objective in ${props.cycleName}`;
  return (
    <Dialog title={heading} onClose={props.onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField
          label="Title"
          {...form.register('title')}
          error={errors.title?.message}
          autoFocus
          className="span-2"
        />
        <TextAreaField
          label="Description"
          {...form.register('description')}
          error={errors.description?.message}
          rows={3}
          className="span-2"
        />
        <SelectField label="Team" {...form.register('teamId')} options={teamOptions} error={errors.teamId?.message} />
        <SelectField
          label="Ladders up to"
          {...form.register('parentId')}
          options={parentOptions}
          error={errors.parentId?.message}
        />
        <TextField
          label="Weight"
          {...form.register('weight')}
          inputMode="decimal"
          error={errors.weight?.message}
          hint="How much it counts against the other objectives"
        />
        <SelectField label="Owner" {...form.register('ownerId')} options={owners} error={errors.ownerId?.message} />
        <FormActions
          error={mutation.error}
          isPending={mutation.isPending}
          submitLabel={props.mode === 'edit' ? 'Save objective' : 'Add objective'}
          onCancel={props.onClose}
          conflict={
            props.mode === 'edit' && (
              <ConflictNotice
                error={update.error}
                what="objective"
                describe={(current) => `Theirs is titled “${String(current.title)}”.`}
                onReload={() => {
                  void invalidateOkrData(client);
                  props.onClose();
                }}
                onReapply={(current) => edit.save(props.objective.id, Number(current.version), edit.pendingChanges)}
              />
            )
          }
        />
      </form>
    </Dialog>
  );
}
