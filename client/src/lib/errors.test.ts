import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorMessage, fieldErrors, isVersionConflict, upsertByName } from './errors';

describe('settings error helpers', () => {
  it('tells a lost edit (412) from every other failure', () => {
    expect(isVersionConflict(new ApiError(412, 'VERSION_CONFLICT', 'Someone changed it first'))).toBe(true);
    expect(isVersionConflict(new ApiError(428, 'PRECONDITION_REQUIRED', 'Send If-Match'))).toBe(false);
    expect(isVersionConflict(new ApiError(409, 'IN_USE', 'In use'))).toBe(false);
    expect(isVersionConflict(new Error('VERSION_CONFLICT'))).toBe(false);
    expect(isVersionConflict(null)).toBe(false);
  });

  it("maps the server's issues to fields, first message per field", () => {
    const error = new ApiError(409, 'DUPLICATE', 'A user with the email a@b.c already exists', {
      code: 'DUPLICATE',
      message: 'A user with the email a@b.c already exists',
      issues: [
        { path: ['email'], message: 'Already in use' },
        { path: ['email'], message: 'second' },
        { path: ['name'], message: 'Required' },
      ],
    });
    expect(fieldErrors(error)).toEqual({ email: 'Already in use', name: 'Required' });
    expect(errorMessage(error)).toBe('A user with the email a@b.c already exists');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('keeps lists sorted by name after a rename or an insert', () => {
    const list = [
      { id: '1', name: 'Growth' },
      { id: '2', name: 'Platform' },
    ];
    expect(upsertByName(list, { id: '2', name: 'Apps' }).map((t) => t.name)).toEqual(['Apps', 'Growth']);
    expect(upsertByName(undefined, { id: '3', name: 'Core' })).toEqual([{ id: '3', name: 'Core' }]);
  });
});
