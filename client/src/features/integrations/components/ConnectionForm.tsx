import { useId, useState, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/errors';
import { emptyDraft, formField, type ConnectionDraft } from '../utils/connection-draft';

interface Props {
  title: string;
  initial?: ConnectionDraft;
  /** Edit: the kind is fixed and an empty token keeps the stored one. */
  editing?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: ConnectionDraft) => void;
  onCancel: () => void;
}

/** Adds or edits a Jira Cloud or GitHub Issues connection. Errors show beside their fields. */
export function ConnectionForm({ title, initial, editing, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState<ConnectionDraft>(initial ?? emptyDraft('jira'));
  const set = <K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const errors = issuesByField(error);
  const general = error && Object.keys(errors).length === 0 ? errorMessage(error) : null;
  const jira = draft.kind === 'jira';
  const titleId = useId();

  return (
    <form
      className="st-form ig-form"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
      noValidate
    >
      <h3 id={titleId}>{title}</h3>
      {!editing && (
        <fieldset className="ig-kind">
          <legend>Tracker</legend>
          {(['jira', 'github'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="ig-kind"
                checked={draft.kind === kind}
                onChange={() => setDraft({ ...emptyDraft(kind), name: draft.name, token: '' })}
              />{' '}
              {kind === 'jira' ? 'Jira Cloud' : 'GitHub Issues'}
            </label>
          ))}
        </fieldset>
      )}
      <div className="st-form-row">
        <Field label="Name" error={errors.name} note="How Keyline names it, e.g. “Web team Jira”.">
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={jira ? 'Site address' : 'API address'}
          error={errors.baseUrl}
          note={
            jira
              ? 'e.g. https://your-site.atlassian.net'
              : 'https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise'
          }
        >
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="url"
              value={draft.baseUrl}
              onChange={(e) => set('baseUrl', e.target.value)}
            />
          )}
        </Field>
      </div>
      {jira ? (
        <>
          <div className="st-form-row">
            <Field label="Account e-mail" error={errors.email} note="The Atlassian account the API token belongs to.">
              {(id, describedBy) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  type="email"
                  value={draft.email}
                  onChange={(e) => set('email', e.target.value)}
                />
              )}
            </Field>
            <TokenField draft={draft} editing={editing} error={errors.token} set={set} label="API token" />
          </div>
          <Field
            label="JQL"
            error={errors.jql}
            note="The issues that make up the backlog, e.g. project = ABC AND statusCategory != Done"
          >
            {(id, describedBy) => (
              <textarea
                id={id}
                aria-describedby={describedBy}
                rows={2}
                value={draft.jql}
                onChange={(e) => set('jql', e.target.value)}
              />
            )}
          </Field>
          <div className="st-form-row">
            <Field
              label="Story points field"
              error={errors.storyPoints}
              note="Its id, e.g. customfield_10016. Empty: effort stays Keyline's. Test the connection to see the candidates."
            >
              {(id, describedBy) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={draft.storyPoints}
                  onChange={(e) => set('storyPoints', e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Team from"
              error={errors.teamFrom}
              note="Issues name their team here; unknown names are reported, not created."
            >
              {(id, describedBy) => (
                <select
                  id={id}
                  aria-describedby={describedBy}
                  value={draft.teamFrom}
                  onChange={(e) => set('teamFrom', e.target.value as ConnectionDraft['teamFrom'])}
                >
                  <option value="components">Components</option>
                  <option value="custom">A custom field</option>
                  <option value="">Nowhere (Keyline's own)</option>
                </select>
              )}
            </Field>
            {draft.teamFrom === 'custom' && (
              <Field label="Team field" error={errors.teamField} note="e.g. customfield_10001">
                {(id, describedBy) => (
                  <input
                    id={id}
                    aria-describedby={describedBy}
                    value={draft.teamField}
                    onChange={(e) => set('teamField', e.target.value)}
                  />
                )}
              </Field>
            )}
          </div>
          <label className="ig-check">
            <input
              type="checkbox"
              checked={draft.includeSubtasks}
              onChange={(e) => set('includeSubtasks', e.target.checked)}
            />{' '}
            Bring in sub-tasks too (their parent story usually carries their points already)
          </label>
        </>
      ) : (
        <>
          <div className="st-form-row">
            <Field label="Repository" error={errors.repo} note="owner/name, e.g. acme/web">
              {(id, describedBy) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={draft.repo}
                  onChange={(e) => set('repo', e.target.value)}
                />
              )}
            </Field>
            <TokenField draft={draft} editing={editing} error={errors.token} set={set} label="Token" />
          </div>
          <div className="st-form-row">
            <Field
              label="Only issues labelled"
              error={errors.labelsFilter}
              note="Comma-separated; an issue needs every one. Empty: all issues."
            >
              {(id, describedBy) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={draft.labelsFilter}
                  onChange={(e) => set('labelsFilter', e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Points label prefix"
              error={errors.pointsLabelPrefix}
              note="A label “points:5” sets effort 5. Empty: effort stays Keyline's."
            >
              {(id, describedBy) => (
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={draft.pointsLabelPrefix}
                  onChange={(e) => set('pointsLabelPrefix', e.target.value)}
                />
              )}
            </Field>
          </div>
        </>
      )}
      <div className="st-form-row">
        <Field label="Sync every (minutes)" error={errors.syncIntervalMinutes}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="number"
              min={1}
              max={1440}
              value={draft.syncIntervalMinutes}
              onChange={(e) => set('syncIntervalMinutes', e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="ig-check">
        <input type="checkbox" checked={draft.writeBack} onChange={(e) => set('writeBack', e.target.checked)} /> Write
        Keyline's alignment back as labels (<code>keyline-kr-…</code>, <code>keyline-unaligned</code>); the token needs
        permission to edit issues
      </label>
      {general && (
        <p className="error-text" role="alert">
          {general}
        </p>
      )}
      <div className="ig-form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TokenField({
  draft,
  editing,
  error,
  set,
  label,
}: {
  draft: ConnectionDraft;
  editing?: boolean;
  error?: string;
  set: <K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]) => void;
  label: string;
}) {
  const note = editing
    ? 'Leave empty to keep the stored token. Keyline never shows it again.'
    : 'Stored encrypted; Keyline never shows it again.';
  return (
    <Field label={label} error={error} note={note}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          type="password"
          autoComplete="off"
          value={draft.token}
          onChange={(e) => set('token', e.target.value)}
        />
      )}
    </Field>
  );
}

function Field({
  label,
  error,
  note,
  children,
}: {
  label: string;
  error?: string;
  note?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const describedBy = [note ? noteId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="st-field field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {note && (
        <p id={noteId} className="meta">
          {note}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}

function issuesByField(error: unknown): Partial<Record<keyof ConnectionDraft, string>> {
  if (!(error instanceof ApiError) || !error.body?.issues) return {};
  const out: Partial<Record<keyof ConnectionDraft, string>> = {};
  for (const issue of error.body.issues) {
    const first = issue.path[0];
    const field = typeof first === 'string' ? formField(first) : undefined;
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}
