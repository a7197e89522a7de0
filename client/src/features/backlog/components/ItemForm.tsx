import { IMPACT_VALUES, ITEM_STATUSES, ITEM_TYPES, type BacklogRow } from '@keyline/shared';
import { useId, useState, type FormEvent, type ReactNode } from 'react';

import type { ReferenceData } from '../hooks/useReferenceData';
import { CONNECTION_KIND_LABEL } from '@keyline/shared';
import { trackerOwns } from '../../integrations/components/SourceLink';
import { ESTIMATE_COLUMNS, IMPACT_LABELS, type EstimateField } from '../utils/estimates';
import { diffDraft, toDraft, type ItemDraft } from '../utils/item-draft';
import { STATUS_LABELS, TYPE_LABELS } from '../utils/labels';

const GROUPS = [
  { group: 'rice', title: 'RICE' },
  { group: 'wsjf', title: 'WSJF' },
  { group: 'ice', title: 'ICE' },
] as const;

/**
 * Every field of an item in one form. Saves only what changed; while the
 * user has unsaved changes, edits arriving from elsewhere do not wipe them.
 */
export function ItemForm({
  item,
  reference,
  onSave,
}: {
  item: BacklogRow;
  reference: ReferenceData;
  onSave: (patch: ReturnType<typeof diffDraft>['patch']) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<ItemDraft>(() => toDraft(item));
  const [base, setBase] = useState(item);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const { patch, errors } = diffDraft(draft, base);
  const dirty = Object.keys(patch).length > 0;
  // A newer version arrived (an inline edit, our own save): follow it, but
  // never wipe what the user is typing. The patch is always "what the user
  // changed since the form started", so untouched fields are never sent back.
  if (item !== base) {
    if (!dirty) {
      setBase(item);
      setDraft(toDraft(item));
    } else if (Object.keys(diffDraft(draft, item).patch).length === 0) {
      setBase(item);
    }
  }

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setEstimate = (field: EstimateField, value: string) =>
    setDraft((d) => ({ ...d, estimates: { ...d.estimates, [field]: value } }));
  const err = (field: string) => (showErrors ? errors[field] : undefined);
  // Fields the tracker owns are read-only here: the next sync would undo a change.
  const owned = (field: string) => trackerOwns(item, field);
  const tracker = item.source ? CONNECTION_KIND_LABEL[item.source.kind] : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(errors).length) {
      setShowErrors(true);
      return;
    }
    if (!dirty) return;
    setSaving(true);
    const saved = await onSave(patch);
    setSaving(false);
    if (saved) setShowErrors(false);
  };

  return (
    <form className="bl-form" onSubmit={submit} noValidate>
      {item.source && (
        <p className="meta">
          Greyed-out fields come from {tracker} {item.source.key}: change them in {tracker}. Key-result links, the other
          estimates and rank are Keyline's.
        </p>
      )}
      <Field label="Title" error={err('title')}>
        {(p) => (
          <input
            {...p}
            value={draft.title}
            maxLength={200}
            disabled={owned('title')}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <Field label="Description">
        {(p) => (
          <textarea
            {...p}
            rows={4}
            value={draft.description}
            disabled={owned('description')}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="bl-form-grid">
        <Field label="Type">
          {(p) => (
            <select
              {...p}
              value={draft.type}
              disabled={owned('type')}
              onChange={(e) => set('type', e.target.value as ItemDraft['type'])}
            >
              {ITEM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <select
              {...p}
              value={draft.status}
              disabled={owned('status')}
              onChange={(e) => set('status', e.target.value as ItemDraft['status'])}
            >
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s].text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Team">
          {(p) => (
            <select
              {...p}
              value={draft.teamId}
              disabled={owned('teamId')}
              onChange={(e) => set('teamId', e.target.value)}
            >
              <option value="">No team</option>
              {reference.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="External key" error={err('externalKey')}>
          {(p) => (
            <input
              {...p}
              value={draft.externalKey}
              placeholder="e.g. JIRA-123"
              disabled={owned('externalKey')}
              onChange={(e) => set('externalKey', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Labels" hint="Separate with commas">
        {(p) => (
          <input
            {...p}
            value={draft.labels}
            disabled={owned('labels')}
            onChange={(e) => set('labels', e.target.value)}
          />
        )}
      </Field>
      {GROUPS.map(({ group, title }) => (
        <fieldset key={group} className="bl-form-estimates">
          <legend>{title} estimates</legend>
          {ESTIMATE_COLUMNS.filter((c) => c.group === group).map((c) => (
            <Field
              key={c.field}
              label={
                c.editor === 'percent'
                  ? 'Confidence (%)'
                  : c.field === 'effort' || c.field === 'jobSize'
                    ? `${c.label} (pts)`
                    : c.label
              }
              error={err(c.field)}
            >
              {(p) =>
                c.editor === 'impact' ? (
                  <select {...p} value={draft.estimates.impact} onChange={(e) => setEstimate('impact', e.target.value)}>
                    <option value="">— (none)</option>
                    {IMPACT_VALUES.map((v) => (
                      <option key={v} value={String(v)}>
                        {v} {IMPACT_LABELS[v]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    disabled={owned(c.field)}
                    {...p}
                    inputMode="decimal"
                    className="num"
                    value={draft.estimates[c.field]}
                    onChange={(e) => setEstimate(c.field, e.target.value)}
                  />
                )
              }
            </Field>
          ))}
        </fieldset>
      ))}
      <div className="row-actions bl-form-actions">
        <button type="submit" className="button primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || saving}
          onClick={() => {
            setBase(item);
            setDraft(toDraft(item));
          }}
        >
          Discard
        </button>
        {showErrors && Object.keys(errors).length > 0 && (
          <span role="alert" className="error-text">
            Fix the marked fields first.
          </span>
        )}
      </div>
    </form>
  );
}

function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field bl-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error && { 'aria-invalid': true as const }),
        ...(describedBy && { 'aria-describedby': describedBy }),
      })}
      {hint && (
        <span id={`${id}-hint`} className="meta">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}
