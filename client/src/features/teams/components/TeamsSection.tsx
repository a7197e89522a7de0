import { CreateTeamSchema, type CreateTeamInput, type Team } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { focusFirstInvalid, TextField } from '../../../components/FormFields';
import { teamKeys } from '../../../lib/query-keys';
import { useSchemaForm } from '../../../lib/useSchemaForm';
import { teamsApi, useTeams } from '../api/teams.api';
import { errorMessage, upsertByName } from '../../../lib/errors';
import { TeamRow } from './TeamRow';
import { LoadError } from '../../../components/LoadError';

/** Teams that own objectives and backlog items: create, rename, delete. */
export function TeamsSection() {
  const qc = useQueryClient();
  const teams = useTeams();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm<{ name: string }, CreateTeamInput>({
    defaultValues: { name: '' },
    schema: CreateTeamSchema,
    toInput: (draft) => draft,
    blank: { name: 'Type a team name' },
  });
  const create = useMutation({
    mutationFn: teamsApi.create,
    onSuccess: (team) => {
      qc.setQueryData(teamKeys.list(), (list: Team[] | undefined) => upsertByName(list, team));
      form.reset({ name: '' });
    },
  });

  const submit = form.handleSubmit(
    (input) => create.mutate(input.name),
    () => focusFirstInvalid(formRef.current),
  );
  const error = form.formState.errors.name?.message ?? (create.isError ? errorMessage(create.error) : undefined);

  return (
    <section aria-labelledby="st-teams-title">
      <h2 id="st-teams-title">Teams</h2>
      <form ref={formRef} className="st-form st-form-row" onSubmit={submit} noValidate>
        <TextField label="New team" {...form.register('name')} error={error} alertError className="st-field" />
        <button type="submit" className="button primary st-form-submit" disabled={create.isPending}>
          Create team
        </button>
      </form>
      {teams.isPending && <p role="status">Loading teams…</p>}
      {teams.isError && <LoadError what="teams" error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && teams.data.length === 0 && (
        <p>No teams yet. Teams let you filter the backlog and own objectives.</p>
      )}
      {teams.data && teams.data.length > 0 && (
        <ul className="st-teams" aria-label="Teams">
          {teams.data.map((team) => (
            <TeamRow key={team.id} team={team} />
          ))}
        </ul>
      )}
    </section>
  );
}
