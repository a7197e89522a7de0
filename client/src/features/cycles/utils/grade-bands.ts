import { gradeBand, type GradeBand } from '@keyline/shared';

/**
 * Grade bands in words and icons, never colour alone (docs/UI.md, "Visual system"). The words
 * say what the band means for a stretch goal, where 0.7 already counts as met.
 */
export const GRADE_LABEL: Record<GradeBand, string> = { green: 'Met', yellow: 'Progress', red: 'Missed' };
export const GRADE_ICON: Record<GradeBand, string> = { green: '●', yellow: '▲', red: '✕' };

/** "0.7", "1.0", "0.0": one decimal; a rolled-up objective grade keeps its second ("0.65"). */
export function formatGrade(grade: number): string {
  const cents = Math.round(grade * 100);
  return (cents / 100).toFixed(cents % 10 === 0 ? 1 : 2);
}

export type GradeDraft = { ok: true; grade: number | null } | { ok: false; message: string };

/**
 * A grade field's text as the API wants it: blank clears the grade, anything
 * else must be 0.0–1.0 in steps of 0.1 (the same rule as GradeSchema, said
 * in the words the field shows).
 */
export function parseGradeText(text: string): GradeDraft {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, grade: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a grade from 0.0 to 1.0' };
  if (value < 0 || value > 1) return { ok: false, message: 'A grade is between 0.0 and 1.0' };
  const rounded = Math.round(value * 10) / 10;
  if (Math.abs(rounded - value) > 1e-9) return { ok: false, message: 'Use steps of 0.1 (0.6, 0.7, …)' };
  return { ok: true, grade: rounded };
}

export function bandOf(grade: number | null): GradeBand | null {
  return grade === null ? null : gradeBand(grade);
}
