import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseProblems } from './response-check';

const Item = z.object({ id: z.string(), score: z.number().nullable(), meta: z.unknown(), tags: z.array(z.string()) });
const Page = z.object({ items: z.array(Item), total: z.number() });

describe('responseProblems', () => {
  it('passes an answer that is exactly the promised shape, unknown-typed parts included', () => {
    const page = { items: [{ id: 'a', score: null, meta: { anything: [1, { x: 2 }] }, tags: ['t'] }], total: 1 };
    expect(responseProblems(Page, page)).toEqual([]);
  });

  it('names fields the schema does not declare, at any depth', () => {
    const page = {
      items: [
        { id: 'a', score: 1, meta: null, tags: [] },
        { id: 'b', score: 2, meta: null, tags: [], email: 'x@y.z' },
      ],
      total: 2,
      debug: true,
    };
    expect(responseProblems(Page, page)).toEqual(['items[1].email: not in the schema', 'debug: not in the schema']);
  });

  it('names values the schema refuses, as JSON would send them', () => {
    // NaN goes out as null: a nullable field takes it, a plain number does not.
    expect(responseProblems(Page, { items: [{ id: 'a', score: Number.NaN, meta: 1, tags: [] }], total: 1 })).toEqual(
      [],
    );
    expect(responseProblems(Page, { items: [], total: Number.NaN })).toEqual([
      'total: Invalid input: expected number, received null',
    ]);
    expect(responseProblems(Page, { total: 1 })).toHaveLength(1);
  });

  it('ignores undefined fields, which JSON leaves out', () => {
    expect(responseProblems(Item, { id: 'a', score: 1, meta: null, tags: [], later: undefined })).toEqual([]);
  });
});
