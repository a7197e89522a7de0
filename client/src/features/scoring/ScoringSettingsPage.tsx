import './scoring-settings.css';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConflictNotice } from '../../components/ConflictNotice';
import { ApiError } from '../../lib/api';
import { useCan } from '../auth/useSession';
import type { VersionedScoringSettings } from './api/scoring-settings.api';
import { CustomCriteriaEditor } from './components/CustomCriteriaEditor';
import { FrameworkPicker } from './components/FrameworkPicker';
import { NumberSetting } from './components/NumberSetting';
import { ScorePreview } from './components/ScorePreview';
import { useSaveScoringSettings, useScoringSettings } from './hooks/useScoringSettings';
import { FRAMEWORK_LABELS, intrinsicFormula } from './utils/frameworks';
import {
  fromDraft,
  PRIOR_STRENGTH,
  SETTING_GROUPS,
  sameSettings,
  toDraft,
  type SettingsDraft,
} from './utils/settings-draft';
import { isVersionConflict } from '../../lib/errors';

/** The draft and the version it was based on: If-Match sends that version, so a concurrent save is never overwritten. */
interface Editing {
  draft: SettingsDraft;
  baseVersion: number;
}

/** Scoring settings (docs/UI.md, "Settings"): admins edit, everyone else reads how scores are made. */
export function ScoringSettingsPage() {
  const loaded = useScoringSettings();
  if (loaded.isPending) return <p role="status">Loading the scoring settings…</p>;
  if (loaded.isError) {
    return (
      <p role="alert">
        Couldn't load the scoring settings: {loaded.error.message}{' '}
        <button type="button" className="button" onClick={() => void loaded.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  return <ScoringSettingsForm saved={loaded.data} />;
}

function ScoringSettingsForm({ saved }: { saved: VersionedScoringSettings }) {
  const canEdit = useCan('admin');
  const [editing, setEditing] = useState<Editing>(() => ({
    draft: toDraft(saved.settings),
    baseVersion: saved.version,
  }));
  const [showErrors, setShowErrors] = useState(false);
  const restart = (next: VersionedScoringSettings) => {
    setEditing({ draft: toDraft(next.settings), baseVersion: next.version });
    setShowErrors(false);
  };
  const save = useSaveScoringSettings(restart);

  const { draft } = editing;
  const result = fromDraft(draft);
  const errors = showErrors && !result.ok ? result.errors : {};
  const dirty = !result.ok || !sameSettings(result.settings, saved.settings) || editing.baseVersion !== saved.version;
  const setDraft = (patch: Partial<SettingsDraft>) => setEditing((e) => ({ ...e, draft: { ...e.draft, ...patch } }));
  const current = result.ok ? result.settings : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (result.ok) save.mutate({ version: editing.baseVersion, settings: result.settings });
  };

  return (
    <div className="scoring-page">
      <h1>Scoring</h1>
      <p>
        How every backlog item’s value score is computed. Saving re-scores the whole backlog, so its order by value
        changes at once. <Link to="/alignment">Back to alignment</Link>
      </p>
      <p className="formula" data-testid="formula">
        Value = intrinsic × (1 + {draft.numbers['combination.alignmentWeight'] || '?'} × alignment) for items tagged to
        a live key result; intrinsic × {draft.numbers['combination.unalignedMultiplier'] || '?'} for the rest. Intrinsic
        ({FRAMEWORK_LABELS[draft.framework]}) ={' '}
        {current ? intrinsicFormula(current) : intrinsicFormula({ framework: draft.framework, customCriteria: [] })}.
      </p>
      {!canEdit && <p className="panel-note">Only admins can change scoring; you can read how it works here.</p>}
      <div className="scoring-layout">
        <form onSubmit={submit} noValidate aria-label="Scoring settings">
          <fieldset disabled={!canEdit} className="settings-plain">
            <FrameworkPicker value={draft.framework} onChange={(framework) => setDraft({ framework })} />
            {draft.framework === 'custom' && (
              <CustomCriteriaEditor
                criteria={draft.customCriteria}
                errors={errors}
                onChange={(customCriteria) => setDraft({ customCriteria })}
              />
            )}
            {SETTING_GROUPS.map((group) => (
              <fieldset key={group.title} className="settings-fieldset">
                <legend>{group.title}</legend>
                <p className="meta">{group.intro}</p>
                <div className="settings-grid">
                  {group.settings.map((s) => (
                    <NumberSetting
                      key={s.path}
                      label={s.label}
                      help={s.help}
                      value={draft.numbers[s.path]}
                      error={errors[s.path]}
                      onChange={(value) => setDraft({ numbers: { ...draft.numbers, [s.path]: value } })}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
            <fieldset className="settings-fieldset">
              <legend>Calibrated confidence</legend>
              <p className="meta">
                Shrinks each item’s stated confidence toward how often its team’s shipped work moved a key result,
                weighing the estimate as a number of items of history. A team with no settled outcomes keeps its stated
                confidence. The score breakdown shows both and why.
              </p>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  checked={draft.calibrationEnabled}
                  onChange={(event) => setDraft({ calibrationEnabled: event.target.checked })}
                />{' '}
                Use calibrated confidence in the value score
              </label>
              <div className="settings-grid">
                <NumberSetting
                  label={PRIOR_STRENGTH.label}
                  help={PRIOR_STRENGTH.help}
                  value={draft.numbers[PRIOR_STRENGTH.path]}
                  error={errors[PRIOR_STRENGTH.path]}
                  onChange={(value) => setDraft({ numbers: { ...draft.numbers, [PRIOR_STRENGTH.path]: value } })}
                />
              </div>
            </fieldset>
          </fieldset>
          {canEdit && (
            <div className="save-bar">
              <button type="submit" className="button primary" disabled={save.isPending || !dirty}>
                {save.isPending ? 'Saving…' : 'Save scoring'}
              </button>
              <button
                type="button"
                className="button"
                disabled={!dirty || save.isPending}
                onClick={() => restart(saved)}
              >
                Discard changes
              </button>
              <span className="meta" role="status" aria-label="Save state">
                {dirty ? 'Unsaved changes' : saved.version === 0 ? 'Using the defaults' : 'Saved'}
              </span>
            </div>
          )}
          {showErrors && !result.ok && (
            <p className="error-text" role="alert">
              Some settings need fixing before they can be saved.
            </p>
          )}
          <ConflictNotice
            error={save.error}
            what="scoring setup"
            describe={(theirs) => describeTheirs(theirs)}
            onReload={() => {
              const theirs = conflictCurrent(save.error);
              save.reset();
              if (theirs) restart(theirs);
            }}
            onReapply={(theirs) => {
              if (result.ok && typeof theirs.version === 'number')
                save.mutate({ version: theirs.version, settings: result.settings });
            }}
          />
          {save.error && !isVersionConflict(save.error) && (
            <p className="error-text" role="alert">
              Couldn't save: {save.error.message}
            </p>
          )}
        </form>
        <ScorePreview settings={current} changed={current !== null && !sameSettings(current, saved.settings)} />
      </div>
    </div>
  );
}

function conflictCurrent(error: unknown): VersionedScoringSettings | null {
  if (!(error instanceof ApiError)) return null;
  const current = error.body?.current as VersionedScoringSettings | undefined;
  return current && typeof current.version === 'number' && current.settings ? current : null;
}

function describeTheirs(theirs: Record<string, unknown>): string {
  const settings = (theirs as Partial<VersionedScoringSettings>).settings;
  return settings ? `Theirs ranks by ${FRAMEWORK_LABELS[settings.framework]}.` : '';
}
