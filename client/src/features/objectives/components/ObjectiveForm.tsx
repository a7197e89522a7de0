import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  CreateObjectiveSchema,
  UpdateObjectiveSchema,
  type Objective,
  type Team,
  type UpdateObjectiveInput,
} from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { invalidateOkrData } from '../../../lib/query-keys';
import { useSession } from '../../auth/useSession';
import { ownerChoices } from '../../users/utils/owner-options';
import { useMembers } from '../../users/hooks/useMembers';
import { useCreateObjective, useUpdateObjective } from '../api/objectives.api';
import {
  changedFields,
  numberOrUndefined,
  serverFieldErrors,
  validateWith,
  type FieldErrors,
} from '../../../lib/form-validation';
import { buildObjectiveTree, descendantIds, flattenTree } from '../utils/tree';
import { Dialog } from '../../../components/Dialog';
import { focusFirstInvalid, SelectField, TextAreaField, TextField } from '../../../components/FormFields';
import { ServerError } from '../../../components/ServerError';

type Props = {
  objectives: Objective[];
  teams: Team[];
  onClose: () => void;
} & (
  | { mode: 'create'; cycleId: string; cycleName: string; parentId: string | null }
  | { mode: 'edit'; objective: Objective }
);

/** Create or edit an objective: title, description, team, the objective it ladders up to, weight. */
export function ObjectiveForm(props: Props) {
  const notify = useNotify();
  const client = useQueryClient();
  const create = useCreateObjective();
  const update = useUpdateObjective();
  const mutation = props.mode === 'edit' ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const initial = props.mode === 'edit' ? props.objective : null;
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [teamId, setTeamId] = useState(initial?.teamId ?? '');
  const [parentId, setParentId] = useState((props.mode === 'edit' ? props.objective.parentId : props.parentId) ?? '');
  const [weight, setWeight] = useState(String(initial?.weight ?? 1));
  const [ownerId, setOwnerId] = useState(initial?.ownerId ?? '');
  const { data: me } = useSession();
  const members = useMembers();
  const owners = ownerChoices(members.data ?? [], initial?.ownerId ?? null, me?.id);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pendingChanges, setPendingChanges] = useState<UpdateObjectiveInput>({});

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

  const fail = (next: FieldErrors) => {
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };
  const fields = {
    title,
    description,
    teamId: teamId || null,
    parentId: parentId || null,
    weight: numberOrUndefined(weight) ?? Number.NaN,
    ownerId: ownerId || null,
  };

  const saveChanges = (objective: Objective, version: number, changes: UpdateObjectiveInput) => {
    setPendingChanges(changes);
    update.mutate(
      { id: objective.id, version, changes },
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
      const result = validateWith(CreateObjectiveSchema, { cycleId: props.cycleId, ...fields });
      if (!result.ok) return fail(result.errors);
      setErrors({});
      create.mutate(result.data, {
        onSuccess: (saved) => {
          notify({ kind: 'success', message: `Added objective “${saved.title}”` });
          props.onClose();
        },
        onError: (error) => fail(serverFieldErrors(error)),
      });
      return;
    }
    const result = validateWith(UpdateObjectiveSchema, fields);
    if (!result.ok) return fail(result.errors);
    setErrors({});
    const changes = changedFields(props.objective, result.data) as UpdateObjectiveInput;
    if (Object.keys(changes).length === 0) return props.onClose();
    saveChanges(props.objective, props.objective.version, changes);
  };

  const heading =
    props.mode === 'edit' ? `Edit objective “${props.objective.title}”` : `New objective in ${props.cycleName}`;
  return (
    <Dialog title={heading} onClose={props.onClose} wide>
      <form ref={formRef} onSubmit={submit} noValidate className="okr-form">
        <TextField
          label="Title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
          autoFocus
          className="span-2"
        />
        <TextAreaField
          label="Description"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          rows={3}
          className="span-2"
        />
        <SelectField
          label="Team"
          name="teamId"
          value={teamId}
          onChange={(e) => setTeamId(e.target.value)}
          options={teamOptions}
          error={errors.teamId}
        />
        <SelectField
          label="Ladders up to"
          name="parentId"
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
          options={parentOptions}
          error={errors.parentId}
        />
        <TextField
          label="Weight"
          name="weight"
          inputMode="decimal"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          error={errors.weight}
          hint="How much it counts against the other objectives"
        />
        <SelectField
          label="Owner"
          name="ownerId"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          options={owners}
          error={errors.ownerId}
        />
        <div className="span-2">
          <ServerError error={mutation.error} />
          {props.mode === 'edit' && (
            <ConflictNotice
              error={update.error}
              what="objective"
              describe={(current) => `Theirs is titled “${String(current.title)}”.`}
              onReload={() => {
                void invalidateOkrData(client);
                props.onClose();
              }}
              onReapply={(current) => saveChanges(props.objective, Number(current.version), pendingChanges)}
            />
          )}
          <div className="row-actions okr-dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : props.mode === 'edit' ? 'Save objective' : 'Add objective'}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
