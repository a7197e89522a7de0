import { describe, expect, it } from 'vitest';
import type { BacklogRow } from '../api/types';
import { diffDraft, parseLabels, toDraft } from './item-draft';

const ITEM: BacklogRow = {
  id: 'a',
  title: 'Dark mode',
  description: '',
  type: 'feature',
  status: 'idea',
  teamId: null,
  rank: 1024,
  reach: 1200,
  impact: 1,
  confidence: 0.8,
  effort: 3,
  businessValue: null,
  timeCriticality: null,
  riskReduction: null,
  jobSize: null,
  ease: null,
  externalKey: null,
  source: null,
  archivedAt: null,
  labels: ['ui'],
  links: [],
  doneAt: null,
  version: 4,
  createdAt: '',
  updatedAt: '',
};

describe('detail panel draft', () => {
  it('sends nothing when nothing changed', () => {
    expect(diffDraft(toDraft(ITEM), ITEM)).toEqual({ patch: {}, errors: {} });
  });

  it('sends only the changed fields, with cleared estimates as null', () => {
    const draft = toDraft(ITEM);
    draft.estimates.effort = '';
    draft.estimates.confidence = '50';
    draft.estimates.ease = '7';
    draft.externalKey = ' KEY-12 ';
    draft.labels = 'ui, mobile, ui';
    expect(diffDraft(draft, ITEM)).toEqual({
      patch: { effort: null, confidence: 0.5, ease: 7, externalKey: 'KEY-12', labels: ['ui', 'mobile'] },
      errors: {},
    });
  });

  it('refuses an empty title and out-of-range estimates with a reason', () => {
    const draft = toDraft(ITEM);
    draft.title = '   ';
    draft.estimates.jobSize = '0';
    const { errors } = diffDraft(draft, ITEM);
    expect(errors).toEqual({ title: 'Required', jobSize: 'Must be greater than 0' });
  });

  it('reads labels from a comma list without blanks or repeats', () => {
    expect(parseLabels(' a, ,b,a ')).toEqual(['a', 'b']);
  });
});
