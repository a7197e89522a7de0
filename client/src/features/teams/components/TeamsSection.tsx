import { NameSchema, type Team } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { teamKeys } from '../../../lib/query-keys';
import { teamsApi, useTeams } from '../api/teams.api';
import { errorMessage, upsertByName } from '../../../lib/errors';
import { TeamRow } from './TeamRow';
import { LoadError } from '../../../components/LoadError';

/** Teams that own objectives and backlog items: create, rename, delete. */
export function TeamsSection() {
  const qc = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: teamsApi.create,
    onSuccess: (team) => {
      qc.setQueryData(teamKeys.list(), (list: Team[] | undefined) => upsertByName(list, team));
      setName('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = NameSchema.safeParse(name);
    if (!parsed.success)
      return setLocalError(parsed.error.issues[0]?.message === 'Required' ? 'Type a team name' : 'Not a valid name');
    setLocalError(null);
    create.mutate(parsed.data);
  };
  const error = localError ?? (create.isError ? errorMessage(create.error) : null);

  return (
    <section aria-labelledby="st-teams-title">
      <h2 id="st-teams-title">Teams</h2>
      <form className="st-form st-form-row" onSubmit={submit} noValidate>
        <div className="field st-field">
          <label htmlFor="st-team-new">New team</label>
          <input
            id="st-team-new"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'st-team-new-error' : undefined}
          />
          {error && (
            <span id="st-team-new-error" role="alert" className="error-text">
              {error}
            </span>
          )}
        </div>
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
