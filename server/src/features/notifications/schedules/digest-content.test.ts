import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestKeyResult, type DigestWorld } from './digest-content';

const kr = (id: string, over: Partial<DigestKeyResult> = {}): DigestKeyResult => ({
  id,
  title: `KR ${id}`,
  ownerId: 'ana',
  teamId: null,
  status: 'on-track',
  progress: 0.5,
  checkInDue: false,
  ...over,
});
const world = (over: Partial<DigestWorld> = {}): DigestWorld => ({
  now: Date.parse('2026-12-07T09:00:00Z'),
  cycleName: 'Q4 2026',
  keyResults: [],
  newlyFlagged: [],
  noWork: new Set(),
  misaligned: { now: 0.18, weekAgo: 0.18 },
  mentions: new Map(),
  ...over,
});
const ana = { userId: 'ana', teamIds: ['growth'] };

describe('buildDigest', () => {
  it('opens with the comments that mention the person, and they alone are reason enough to write', () => {
    const line = { text: 'Sam on Trial to paid', detail: '@Ana can you check?', path: '/key-results/k#comment-c' };
    const content = buildDigest(ana, world({ mentions: new Map([['ana', [line]]]) }));
    expect(content?.subject).toBe('Your week in Keyline: 1 thing to look at');
    expect(content?.sections[0]).toEqual({ heading: 'Comments that mention you', items: [line] });
    expect(buildDigest({ userId: 'sam', teamIds: [] }, world({ mentions: new Map([['ana', [line]]]) }))).toBeNull();
  });

  it('says nothing when nothing needs the person (misaligned effort unchanged is no news)', () => {
    expect(buildDigest(ana, world({ keyResults: [kr('a')] }))).toBeNull();
    expect(buildDigest(ana, world({ misaligned: { now: 0.18, weekAgo: null } }))).toBeNull();
  });

  it('lists their KRs that are due or at risk, items of their teams that gained a flag, and KRs with no work', () => {
    const content = buildDigest(
      ana,
      world({
        keyResults: [
          kr('due', { checkInDue: true, status: 'no-check-in', progress: 0 }),
          kr('risk', { status: 'at-risk', progress: 0.55 }),
          kr('fine'),
          kr('theirs', { ownerId: 'sam', teamId: 'growth', status: 'off-track' }),
          kr('other-team', { ownerId: 'sam', teamId: 'platform' }),
        ],
        newlyFlagged: [
          { id: 'i1', title: 'Dark mode', teamId: 'growth', keyResultIds: [], gained: ['UNALIGNED'] },
          {
            id: 'i2',
            title: 'SSO',
            teamId: 'platform',
            keyResultIds: ['risk'],
            gained: ['NOT_SCORABLE', 'RANK_INVERSION'],
          },
          { id: 'i3', title: 'Not mine', teamId: 'platform', keyResultIds: [], gained: ['UNALIGNED'] },
        ],
        noWork: new Set(['theirs', 'other-team']),
        misaligned: { now: 0.21, weekAgo: 0.18 },
      }),
    );
    expect(content?.subject).toBe('Your week in Keyline: 5 things to look at');
    expect(
      content?.sections.map((s) => [s.heading, s.items.map((i) => `${i.text} | ${i.detail} | ${i.path}`)]),
    ).toEqual([
      [
        'Your key results that need you',
        [
          'KR due | 0% of target · check-in due | /key-results/due',
          'KR risk | ▲ At risk · 55% of target | /key-results/risk',
        ],
      ],
      [
        'Items that gained a flag this week',
        ['Dark mode | unaligned | /backlog/i1', 'SSO | not scorable, rank inversion | /backlog/i2'],
      ],
      [
        'Key results with no work behind them',
        ['KR theirs | ✕ Off track · no open backlog item serves it | /key-results/theirs'],
      ],
      ['Alignment', ['Misaligned effort 21% | +3 pp since last week | /alignment']],
    ]);
  });

  it('sends a notable move in misaligned effort on its own, and caps long lists with a link to the rest', () => {
    const moved = buildDigest(ana, world({ misaligned: { now: 0.12, weekAgo: 0.18 } }));
    expect(moved?.sections[0]?.items[0]).toMatchObject({
      text: 'Misaligned effort 12%',
      detail: '−6 pp since last week',
    });
    const many = Array.from({ length: 14 }, (_, i) => kr(`k${i}`, { status: 'off-track' }));
    const capped = buildDigest(ana, world({ keyResults: many }));
    expect(capped?.sections[0]?.items).toHaveLength(11);
    expect(capped?.sections[0]?.items[10]).toEqual({ text: '… and 4 more', path: '/okrs?owner=ana' });
  });
});
