import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyResult } from '@keyline/shared';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useNotify } from '../../../components/Notifier';
import { formatDay } from '../../../lib/format';
import { invalidateOkrData } from '../../../lib/query-keys';
import { formatTrajectory } from '../../key-results/utils/format-kr';
import { ProgressBar } from '../../../components/ProgressBar';
import { ServerError } from '../../../components/ServerError';
import { useGradeKeyResult } from '../api/close-cycle.api';
import { bandOf, formatGrade, parseGradeText } from '../utils/grade-bands';
import { GradeBadge } from './GradeBadge';

/**
 * One KR's grade: progress, the suggested grade, an editable 0.0–1.0 grade
 * shown with its band, and the retro note. Saved with If-Match; a 412 shows
 * whose grade won.
 */
export function GradeRow({ keyResult: kr, canEdit }: { keyResult: KeyResult; canEdit: boolean }) {
  const notify = useNotify();
  const client = useQueryClient();
  const save = useGradeKeyResult();
  const ids = { grade: useId(), note: useId() };
  const [gradeText, setGradeText] = useState(formatGrade(kr.grade ?? kr.suggestedGrade));
  const [note, setNote] = useState(kr.gradeNote);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseGradeText(gradeText);
  const band = parsed.ok ? bandOf(parsed.grade) : null;
  const dirty = !parsed.ok || parsed.grade !== kr.grade || note !== kr.gradeNote;

  const send = (version: number) => {
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    save.mutate(
      { id: kr.id, version, input: { grade: parsed.grade, note } },
      {
        onSuccess: (saved) =>
          notify({
            kind: 'success',
            message:
              saved.grade === null
                ? `Cleared the grade of “${kr.title}”`
                : `Graded “${kr.title}” ${formatGrade(saved.grade)}`,
          }),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(kr.version);
  };

  return (
    <li className="grade-row" data-testid="grade-row">
      <div className="grade-kr">
        <h4 className="grade-kr-title">{kr.title}</h4>
        <span className="meta">{formatTrajectory(kr)}</span>
        <ProgressBar value={kr.progress} label={`Progress of ${kr.title}`} />
        <span className="meta" data-testid="suggested-grade">
          Suggested {formatGrade(kr.suggestedGrade)} from progress
        </span>
      </div>
      {canEdit ? (
        <form className="grade-form" onSubmit={submit} noValidate aria-label={`Grade ${kr.title}`}>
          <div className="field grade-field">
            <label htmlFor={ids.grade}>Grade</label>
            <input
              id={ids.grade}
              type="number"
              min={0}
              max={1}
              step={0.1}
              inputMode="decimal"
              value={gradeText}
              onChange={(e) => setGradeText(e.target.value)}
              aria-invalid={error || !parsed.ok ? true : undefined}
              aria-describedby={`${ids.grade}-band`}
            />
            <span id={`${ids.grade}-band`} aria-live="polite">
              {parsed.ok && parsed.grade !== null && band ? (
                <GradeBadge grade={parsed.grade} band={band} prefix="" />
              ) : parsed.ok ? (
                <span className="meta">No grade</span>
              ) : (
                <span className="error-text">{parsed.message}</span>
              )}
            </span>
          </div>
          <div className="field grade-note">
            <label htmlFor={ids.note}>Retro note</label>
            <textarea
              id={ids.note}
              rows={2}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              placeholder="What happened? What did we learn?"
            />
          </div>
          <div className="grade-save">
            <button type="submit" className="button primary" disabled={save.isPending || !dirty}>
              {save.isPending ? 'Saving…' : 'Save grade'}
            </button>
            <span className="meta">{kr.gradedAt ? `Graded ${formatDay(kr.gradedAt)}` : 'Not graded yet'}</span>
          </div>
          <div className="grade-errors">
            {error && <p className="error-text">{error}</p>}
            <ServerError error={save.error} />
            <ConflictNotice
              error={save.error}
              what="key result"
              describe={(current) =>
                `Their grade: ${current.grade === null || current.grade === undefined ? 'none' : formatGrade(Number(current.grade))}.`
              }
              onReload={() => {
                // The list refetches; the page keys rows by version, so this row remounts with their grade and note.
                save.reset();
                void invalidateOkrData(client);
              }}
              onReapply={(current) => send(Number(current.version))}
            />
          </div>
        </form>
      ) : (
        <div className="grade-readonly">
          {kr.grade !== null && kr.gradeBand ? (
            <GradeBadge grade={kr.grade} band={kr.gradeBand} />
          ) : (
            <span className="meta">Not graded yet</span>
          )}
          {kr.gradeNote && <p className="grade-note-text">{kr.gradeNote}</p>}
        </div>
      )}
    </li>
  );
}
