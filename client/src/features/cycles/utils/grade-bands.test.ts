import { describe, expect, it } from 'vitest';
import { bandOf, formatGrade, parseGradeText } from './grade-bands';

describe('grade field', () => {
  it('accepts 0.0–1.0 in steps of 0.1, a comma as decimal mark, and blank as "no grade"', () => {
    expect(parseGradeText('0.7')).toEqual({ ok: true, grade: 0.7 });
    expect(parseGradeText('0,3')).toEqual({ ok: true, grade: 0.3 });
    expect(parseGradeText('1')).toEqual({ ok: true, grade: 1 });
    expect(parseGradeText('  ')).toEqual({ ok: true, grade: null });
  });

  it('refuses what the server would refuse, saying why', () => {
    expect(parseGradeText('0.75')).toEqual({ ok: false, message: 'Use steps of 0.1 (0.6, 0.7, …)' });
    expect(parseGradeText('1.2')).toEqual({ ok: false, message: 'A grade is between 0.0 and 1.0' });
    expect(parseGradeText('good')).toEqual({ ok: false, message: 'Enter a grade from 0.0 to 1.0' });
  });

  it('reads grades with one decimal and rolled-up objective grades with two', () => {
    expect([0, 0.7, 1, 0.1 * 7, 0.65].map(formatGrade)).toEqual(['0.0', '0.7', '1.0', '0.7', '0.65']);
    expect([0.7, 0.6, 0.3, null].map(bandOf)).toEqual(['green', 'yellow', 'red', null]);
  });
});
