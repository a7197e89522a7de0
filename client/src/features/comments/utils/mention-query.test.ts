import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionQueryAt } from './mention-query';

describe('mentionQueryAt', () => {
  it('finds the @query before the caret, spaces included, but not inside an e-mail address or across lines', () => {
    expect(mentionQueryAt('Hi @An', 6)).toEqual({ start: 3, query: 'An' });
    expect(mentionQueryAt('Hi @Ana Ru', 10)).toEqual({ start: 3, query: 'Ana Ru' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail ana@example.com', 20)).toBeNull();
    expect(mentionQueryAt('@Ana\nnext', 9)).toBeNull();
    expect(mentionQueryAt('@ Ana', 5)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });
});

describe('matchMembers', () => {
  const members = [{ name: 'Sam Lee' }, { name: 'Ana Ruiz' }, { name: 'Lena Samuels' }];
  it('puts names that start with the query before names with a word that does', () => {
    expect(matchMembers(members, 'sam').map((m) => m.name)).toEqual(['Sam Lee', 'Lena Samuels']);
    expect(matchMembers(members, '').map((m) => m.name)).toEqual(['Sam Lee', 'Ana Ruiz', 'Lena Samuels']);
    expect(matchMembers(members, 'zz')).toEqual([]);
  });
});

describe('insertMention', () => {
  it('replaces the query with the whole name and a space, caret after it', () => {
    expect(insertMention('Hi @an, ok', { start: 3, query: 'an' }, 'Ana Ruiz', 6)).toEqual({
      text: 'Hi @Ana Ruiz , ok',
      caret: 13,
    });
    expect(insertMention('@sa', { start: 0, query: 'sa' }, 'Sam Lee', 3)).toEqual({ text: '@Sam Lee ', caret: 9 });
  });
});
