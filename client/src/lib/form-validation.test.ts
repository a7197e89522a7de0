import { describe, expect, it } from 'vitest';
import { CreateKeyResultSchema, CreateObjectiveSchema, CreateCycleSchema } from '@keyline/shared';
import { ApiError } from './api';
import { changedFields, numberOrUndefined, serverFieldErrors, validateWith } from './form-validation';

const cycleId = '6f1c1d5e-8a3b-4c2d-9e0f-1a2b3c4d5e6f';

describe('validateWith', () => {
  it('gives the shared schema messages per field', () => {
    const result = validateWith(CreateObjectiveSchema, { cycleId, title: '  ', weight: -1 });
    expect(result).toEqual({ ok: false, errors: { title: 'Required', weight: 'Must be greater than 0' } });
  });

  it('puts cross-field rules on the field the schema names', () => {
    const kr = validateWith(CreateKeyResultSchema, {
      objectiveId: cycleId,
      title: 'Cut tickets',
      startValue: 40,
      targetValue: 40,
    });
    expect(kr).toEqual({ ok: false, errors: { targetValue: 'Target must differ from the start value' } });
    const cycle = validateWith(CreateCycleSchema, { name: '2026-Q4', startsOn: '2026-12-31', endsOn: '2026-10-01' });
    expect(cycle).toEqual({ ok: false, errors: { endsOn: 'Must end after it starts' } });
  });

  it('passes parsed data with defaults through', () => {
    const result = validateWith(CreateObjectiveSchema, { cycleId, title: ' Grow ' });
    expect(result.ok && result.data).toMatchObject({ title: 'Grow', weight: 1, parentId: null });
  });

  it('says a typed non-number is not a number', () => {
    const kr = validateWith(CreateKeyResultSchema, {
      objectiveId: cycleId,
      title: 'x',
      targetValue: numberOrUndefined('abc'),
    });
    expect(kr.ok ? null : kr.errors.targetValue).toBe('Must be a number');
  });
});

describe('serverFieldErrors', () => {
  it('maps the issues of a 4xx answer to fields, and ignores other errors', () => {
    const error = new ApiError(409, 'DUPLICATE', 'A cycle named 2026-Q4 already exists', {
      code: 'DUPLICATE',
      message: 'A cycle named 2026-Q4 already exists',
      issues: [{ path: ['name'], message: 'Already in use' }],
    });
    expect(serverFieldErrors(error)).toEqual({ name: 'Already in use' });
    expect(serverFieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('numberOrUndefined', () => {
  it('reads blank as not given', () => {
    expect(numberOrUndefined(' ')).toBeUndefined();
    expect(numberOrUndefined('2.5')).toBe(2.5);
    expect(numberOrUndefined('x')).toBeNaN();
  });
});

describe('changedFields', () => {
  it('keeps only the fields that differ from what was loaded', () => {
    expect(
      changedFields({ title: 'A', targetValue: 25, unit: 'x' }, { title: 'A', targetValue: 20, unit: 'x' }),
    ).toEqual({ targetValue: 20 });
    expect(changedFields({ teamId: 't' as string | null }, { teamId: null })).toEqual({ teamId: null });
  });
});
