import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBm25Index, tokenize } from './bm25';

const KRS = [
  { id: 'conversion', text: 'Trial-to-paid conversion. Grow self-serve revenue: more teams buy without sales' },
  { id: 'tickets', text: 'Tickets per 1,000 accounts. Cut support load: customers solve problems themselves' },
  { id: 'latency', text: 'API p99 latency. Make the platform enterprise-ready' },
  { id: 'deflection', text: 'Help-center deflection rate. A help center that answers' },
];

describe('tokenize', () => {
  it('lower-cases, drops stop words and folds plurals', () => {
    expect(tokenize('The Tickets of the Accounts')).toEqual(['ticket', 'account']);
  });
});

describe('BM25 suggestions', () => {
  const index = buildBm25Index(KRS);

  it('ranks the KR whose words the item shares first', () => {
    const [first] = index.rank('Automate ticket triage to cut support load', 5);
    expect(first?.id).toBe('tickets');
    expect(first?.matched).toEqual(expect.arrayContaining(['ticket', 'support', 'load']));
  });

  it('finds pricing work for the conversion KR', () => {
    expect(index.rank('Test the trial expiry email: converts trials to paid', 5)[0]?.id).toBe('conversion');
  });

  it('returns nothing for text that shares no word', () => {
    expect(index.rank('Dark mode theme colours', 5)).toEqual([]);
  });

  it('never returns more than the limit, scores positive and descending', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: 5 }), (query, limit) => {
        const result = index.rank(query, limit);
        expect(result.length).toBeLessThanOrEqual(limit);
        for (const [i, r] of result.entries()) {
          expect(r.score).toBeGreaterThan(0);
          if (i > 0) expect(r.score).toBeLessThanOrEqual(result[i - 1]!.score);
        }
      }),
    );
  });

  it('does not depend on the order of the documents', () => {
    const reversed = buildBm25Index([...KRS].reverse());
    expect(reversed.rank('support tickets help center', 5)).toEqual(index.rank('support tickets help center', 5));
  });
});
