import { describe, expect, it } from 'vitest';
import { CreateKeyResultSchema, UpdateKeyResultSchema, type KeyResult } from '@keyline/shared';
import { validateWith } from '../../../lib/form-validation';
import { describeKeyResultConflict, draftFrom, draftToInput, emptyDraft } from './key-result-draft';

const objectiveId = '6f1c1d5e-8a3b-4c2d-9e0f-1a2b3c4d5e6f';
const kr = {
  title: 'Cut tickets',
  metricType: 'number',
  startValue: 40,
  targetValue: 25,
  currentValue: 31,
  unit: 'tickets',
  weight: 1,
} as KeyResult;

describe('draftToInput', () => {
  it('creating, lets start, current and weight default and requires a target', () => {
    const draft = { ...emptyDraft(), title: 'Cut tickets' };
    const result = validateWith(CreateKeyResultSchema, { objectiveId, ...draftToInput(draft, 'create') });
    expect(result).toEqual({ ok: false, errors: { targetValue: 'Must be a number' } });
    const ok = validateWith(CreateKeyResultSchema, {
      objectiveId,
      ...draftToInput({ ...draft, targetValue: '25' }, 'create'),
    });
    expect(ok.ok && ok.data).toMatchObject({ startValue: 0, targetValue: 25, weight: 1, currentValue: undefined });
  });

  it('editing, treats a cleared number as an error rather than "leave unchanged"', () => {
    const draft = { ...draftFrom(kr), currentValue: ' ' };
    const result = validateWith(UpdateKeyResultSchema, draftToInput(draft, 'edit'));
    expect(result).toEqual({ ok: false, errors: { currentValue: 'Must be a number' } });
  });

  it('carries the owner: nobody is null, a member is their id', () => {
    expect(draftToInput(emptyDraft(), 'create').ownerId).toBeNull();
    const owned = draftFrom({ ...kr, ownerId: objectiveId });
    expect(owned.ownerId).toBe(objectiveId);
    expect(draftToInput(owned, 'edit').ownerId).toBe(objectiveId);
  });

  it('round-trips a key result unchanged', () => {
    const result = validateWith(UpdateKeyResultSchema, draftToInput(draftFrom(kr), 'edit'));
    expect(result.ok && result.data).toMatchObject({
      startValue: 40,
      targetValue: 25,
      currentValue: 31,
      weight: 1,
      unit: 'tickets',
    });
  });
});

describe('describeKeyResultConflict', () => {
  it('compares only the fields this edit touched, in the unit', () => {
    expect(describeKeyResultConflict({ ...kr, targetValue: 20 }, { targetValue: 30 })).toBe(
      'Theirs: target 20 tickets · yours: target 30 tickets.',
    );
  });
});
