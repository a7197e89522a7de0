import { describe, expect, it } from 'vitest';
import { commentSegments, findMentions } from './mentions';

const ana = { id: 'a', name: 'Ana Ruiz' };
const anaB = { id: 'b', name: 'Ana' };
const sam = { id: 's', name: 'Sam Lee' };
const members = [ana, anaB, sam];

describe('findMentions', () => {
  it('takes the longest member name after @, case-insensitively, each member once', () => {
    expect(findMentions('@ana ruiz and @Sam Lee, then @Ana Ruiz again', members)).toEqual([ana, sam]);
    expect(findMentions('@Ana, can you look?', members)).toEqual([anaB]);
  });

  it('needs a word boundary on both sides: e-mail addresses and longer words are not mentions', () => {
    expect(findMentions('write to sam@Sam Lee.com', members)).toEqual([]);
    expect(findMentions('@Anabel and @Sam Leeds', members)).toEqual([]);
    expect(findMentions('(@Sam Lee)', members)).toEqual([sam]);
  });

  it('names everyone who shares a name, since the text cannot tell them apart', () => {
    const twin = { id: 't', name: 'Sam Lee' };
    expect(findMentions('@Sam Lee', [sam, twin])).toEqual([sam, twin]);
  });
});

describe('commentSegments', () => {
  it('cuts text into plain text, links and the resolved mentions', () => {
    expect(commentSegments('@Sam Lee see https://example.com/a?b=1. Thanks', [sam])).toEqual([
      { type: 'mention', text: '@Sam Lee', userId: 's' },
      { type: 'text', text: ' see ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: '. Thanks' },
    ]);
  });

  it('leaves other schemes and unresolved names as plain text', () => {
    expect(commentSegments('javascript:alert(1) @Nobody', [sam])).toEqual([
      { type: 'text', text: 'javascript:alert(1) @Nobody' },
    ]);
  });
});
