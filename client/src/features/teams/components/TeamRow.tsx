import { NameSchema, type Team } from '@keyline/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { ApiError } from '../../../lib/api';
import { teamKeys } from '../../../lib/query-keys';
import { teamsApi } from '../api/teams.api';
import { errorMessage, isVersionConflict, upsertByName } from '../../../lib/errors';

/** A team: rename in place, or delete (refused with the server's reason while it still has work). */
export function TeamRow({ team }: { team: Team }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(team.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: ({ base, next }: { base: Team; next: string }) => teamsApi.update(base, { name: next }),
    onSuccess: (saved) => {
      qc.setQueryData(teamKeys.list(), (list: Team[] | undefined) => upsertByName(list, saved));
      setMode('view');
      notify({ kind: 'success', message: `Renamed to ${saved.name}` });
    },
  });
  const remove = useMutation({
    mutationFn: (base: Team) => teamsApi.remove(base),
    // Back to the plain row; the reason (e.g. the team still has work) shows under it.
    onError: () => setMode('view'),
    onSuccess: () => {
      qc.setQueryData(teamKeys.list(), (list: Team[] | undefined) => (list ?? []).filter((t) => t.id !== team.id));
      notify({ kind: 'success', message: `Deleted the team ${team.name}` });
    },
  });

  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    const parsed = NameSchema.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? 'Not a valid name');
    if (parsed.data === team.name) return setMode('view');
    setNameError(null);
    rename.mutate({ base: team, next: parsed.data });
  };
  const error = rename.error ?? remove.error;
  const conflict = isVersionConflict(error);
  const keepTheirs = () => {
    const current = (error as ApiError).body?.current as Team | undefined;
    if (current) qc.setQueryData(teamKeys.list(), (list: Team[] | undefined) => upsertByName(list, current));
    rename.reset();
    remove.reset();
    setName(current?.name ?? team.name);
    setMode('view');
  };

  return (
    <li className="st-team">
      {mode === 'rename' ? (
        <form className="st-team-form" onSubmit={submitRename}>
          <label htmlFor={`st-team-${team.id}`} className="sr-only">
            New name for {team.name}
          </label>
          <input
            id={`st-team-${team.id}`}
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setName(team.name);
                setMode('view');
              }
            }}
            aria-invalid={nameError || rename.isError ? true : undefined}
          />
          <button type="submit" className="button primary" disabled={rename.isPending}>
            Save
          </button>
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setName(team.name);
              setMode('view');
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <span className="st-team-name">{team.name}</span>
      )}
      {mode !== 'rename' && (
        <span className="row-actions">
          {mode === 'view' && (
            <button
              type="button"
              className="button"
              aria-label={`Rename ${team.name}`}
              onClick={() => setMode('rename')}
            >
              Rename
            </button>
          )}
          <ConfirmDeleteButton
            label="Delete"
            name={`Delete ${team.name}`}
            question={`Delete ${team.name}?`}
            groupName={`Confirm deleting ${team.name}`}
            pending={remove.isPending}
            open={mode === 'delete'}
            onOpenChange={(open) => {
              if (open) remove.reset();
              setMode(open ? 'delete' : 'view');
            }}
            onConfirm={() => remove.mutate(team)}
          />
        </span>
      )}
      {nameError && <p className="error-text st-team-error">{nameError}</p>}
      {error && !conflict && (
        <p role="alert" className="error-text st-team-error">
          {errorMessage(error)}
        </p>
      )}
      {conflict && (
        <div className="st-team-error">
          <ConflictNotice
            error={error}
            what="team"
            describe={(current) => `It is now called ${String(current.name)}.`}
            onReload={keepTheirs}
            onReapply={(current) =>
              remove.isError
                ? remove.mutate(current as unknown as Team)
                : rename.mutate({ base: current as unknown as Team, next: name.trim() })
            }
          />
        </div>
      )}
    </li>
  );
}
