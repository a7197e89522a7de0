import type { GradeBand } from '@keyline/shared';
import { formatGrade, GRADE_ICON, GRADE_LABEL } from '../utils/grade-bands';
import './grade-badge.css';

/** A grade with its band as icon + word: "● Met 0.8". */
export function GradeBadge({ grade, band, prefix = 'Grade' }: { grade: number; band: GradeBand; prefix?: string }) {
  return (
    <span className={`grade-badge grade-${band}`}>
      <span aria-hidden="true">{GRADE_ICON[band]}</span> {prefix ? `${prefix} ` : ''}
      {formatGrade(grade)} · {GRADE_LABEL[band]}
    </span>
  );
}
