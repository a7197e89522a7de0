// Grading at quarter end: a KR gets a grade 0.0–1.0 in steps of 0.1, where
// 0.7 means "met the stretch". Pure functions shared by server and client.
import { weightedProgress } from '../key-results/progress';

export const GRADE_BANDS = ['green', 'yellow', 'red'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** Lowest grade of each band: 0.7–1.0 green, 0.4–0.6 yellow, 0.0–0.3 red. */
export const GRADE_BAND_FLOORS = { green: 0.7, yellow: 0.4 } as const;

/** Rounds to one decimal without binary noise (0.30000000000000004 → 0.3). */
export function roundGrade(value: number): number {
  return Math.round(value * 10) / 10;
}

/** True for 0, 0.1, …, 1 (tolerating floating-point noise). */
export function isGradeStep(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1 && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/**
 * The band of a grade. Rolled-up objective grades fall between steps
 * (0.65), so the floors are compared, not the steps: 0.65 is yellow.
 * A tiny epsilon keeps 0.7 from reading as 0.6999… after arithmetic.
 */
export function gradeBand(grade: number): GradeBand {
  if (grade >= GRADE_BAND_FLOORS.green - 1e-9) return 'green';
  if (grade >= GRADE_BAND_FLOORS.yellow - 1e-9) return 'yellow';
  return 'red';
}

/** The grade Keyline suggests from progress: clamp(progress, 0, 1) rounded to 0.1. */
export function suggestedGrade(progress: number | null): number {
  if (progress === null || !Number.isFinite(progress)) return 0;
  return roundGrade(Math.min(1, Math.max(0, progress)));
}

/**
 * An objective's grade: the KR-weight-weighted mean of its KRs' grades,
 * rounded to two decimals. Null until every one of its KRs is graded, so a
 * half-graded objective never shows a grade that only some KRs earned.
 */
export function objectiveGrade(keyResults: readonly { grade: number | null; weight: number }[]): number | null {
  if (keyResults.length === 0 || keyResults.some((kr) => kr.grade === null)) return null;
  const mean = weightedProgress(keyResults.map((kr) => ({ progress: kr.grade as number, weight: kr.weight })));
  return mean === null ? null : Math.round(mean * 100) / 100;
}
