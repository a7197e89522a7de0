import { describe, expect, it } from 'vitest';
import { searchKrOptions, type KrOption } from './kr-options';

const OPTIONS: KrOption[] = [
  { id: '1', title: 'Trial to paid 4% → 6%', objectiveTitle: 'Grow self-serve revenue' },
  { id: '2', title: 'Activation rate 30% → 45%', objectiveTitle: 'Faster onboarding' },
  { id: '3', title: 'Tickets per account −20%', objectiveTitle: 'Cut support load for paid accounts' },
];

describe('KR picker search', () => {
  it('matches every typed word, in any order, ignoring case', () => {
    expect(searchKrOptions(OPTIONS, 'RATE activation').map((o) => o.id)).toEqual(['2']);
  });

  it('searches the objective too, listing title matches first', () => {
    expect(searchKrOptions(OPTIONS, 'paid').map((o) => o.id)).toEqual(['1', '3']);
    expect(searchKrOptions(OPTIONS, 'onboarding').map((o) => o.id)).toEqual(['2']);
  });

  it('lists everything for an empty query and nothing for a miss', () => {
    expect(searchKrOptions(OPTIONS, '  ')).toHaveLength(3);
    expect(searchKrOptions(OPTIONS, 'churn')).toEqual([]);
  });
});
