import { describe, expect, it } from 'vitest';
import { describeCommentEvent } from './comment-audit';

describe('describeCommentEvent', () => {
  it('says what happened to the comment and quotes it, shortened', () => {
    expect(
      describeCommentEvent({ action: 'create', before: null, after: { body: 'Why?', subjectType: 'check_in' } }),
    ).toBe('commented on a check-in: “Why?”');
    expect(
      describeCommentEvent({
        action: 'update',
        before: { body: 'a' },
        after: { body: 'b', subjectType: 'key_result' },
      }),
    ).toBe('edited a comment: “a” → “b”');
    expect(
      describeCommentEvent({ action: 'delete', before: { body: 'x'.repeat(100), authorName: 'Sam' }, after: null }),
    ).toBe(`deleted Sam’s comment: “${'x'.repeat(79)}…”`);
  });
});
