import { describe, expect, it } from 'vitest';
import { mapGitHubIssue, mapJiraIssue, planLabelChanges } from './mapping';

const jira = (fields: Record<string, unknown>) => ({ id: '10042', key: 'ABC-7', fields });
const OPTIONS = {
  baseUrl: 'https://acme.atlassian.net/',
  storyPointsField: 'customfield_10016',
  teamField: 'components',
};

describe('mapJiraIssue', () => {
  it('maps the fields a Jira Cloud issue carries', () => {
    const mapped = mapJiraIssue(
      jira({
        summary: 'SSO for teams',
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Okta first' }] }],
        },
        status: { name: 'Selected for Development', statusCategory: { key: 'new', name: 'To Do' } },
        issuetype: { name: 'Story', subtask: false },
        labels: ['growth', 'keyline-unaligned'],
        components: [{ id: '1', name: 'Platform' }],
        customfield_10016: 5,
        customfield_10099: 'unknown custom field value',
        updated: '2026-03-12T10:15:00.000+0100',
        created: '2026-03-01T09:00:00.000+0000',
      }),
      OPTIONS,
    );
    expect(mapped).toMatchObject({
      key: 'ABC-7',
      externalId: '10042',
      url: 'https://acme.atlassian.net/browse/ABC-7',
      title: 'SSO for teams',
      description: 'Okta first',
      status: 'ready',
      type: 'feature',
      labels: ['growth'],
      trackerLabels: ['growth', 'keyline-unaligned'],
      effort: 5,
      teamNames: ['Platform'],
      updatedAt: '2026-03-12T09:15:00.000Z',
      subtask: false,
    });
  });

  it("falls back on the status category for a custom workflow status, and drops Won't Do", () => {
    const status = (name: string, key: string, resolution?: string) =>
      mapJiraIssue(
        jira({ status: { name, statusCategory: { key } }, ...(resolution && { resolution: { name: resolution } }) }),
        OPTIONS,
      ).status;
    expect(status('Waiting for legal', 'indeterminate')).toBe('in-progress');
    expect(status('Parked', 'new')).toBe('idea');
    expect(status('Shipped to prod', 'done')).toBe('done');
    expect(status('Done', 'done', "Won't Do")).toBe('dropped');
  });

  it('leaves effort and team to Keyline when the connection maps neither; 0 points is unestimated', () => {
    const plain = mapJiraIssue(jira({ summary: 'x', customfield_10016: 3 }), { baseUrl: 'https://a.b' });
    expect(plain.effort).toBeUndefined();
    expect(plain.teamNames).toBeUndefined();
    expect(mapJiraIssue(jira({ summary: 'x', customfield_10016: 0 }), OPTIONS).effort).toBeNull();
    expect(mapJiraIssue(jira({ summary: 'x', customfield_10016: null, components: [] }), OPTIONS)).toMatchObject({
      effort: null,
      teamNames: [],
    });
  });

  it('reads a team from a select or text custom field', () => {
    const opts = { baseUrl: 'https://a.b', teamField: 'customfield_10001' };
    expect(mapJiraIssue(jira({ customfield_10001: { value: 'Growth' } }), opts).teamNames).toEqual(['Growth']);
    expect(mapJiraIssue(jira({ customfield_10001: 'Core' }), opts).teamNames).toEqual(['Core']);
  });

  it('marks sub-tasks, and shortens an over-long summary into the description', () => {
    const long = 'x'.repeat(250);
    const mapped = mapJiraIssue(jira({ summary: long, issuetype: { name: 'Sub-task', subtask: true } }), OPTIONS);
    expect(mapped.subtask).toBe(true);
    expect(mapped.type).toBe('chore');
    expect(mapped.title).toHaveLength(200);
    expect(mapped.description).toBe(long);
    expect(mapped.warnings).toHaveLength(1);
  });
});

describe('mapGitHubIssue', () => {
  const issue = {
    id: 1_000_045,
    number: 45,
    title: 'Dark mode',
    body: 'Users *ask* for it\r\n\r\n- [ ] settings',
    state: 'open',
    labels: [{ name: 'bug' }, { name: 'points:3' }, { name: 'keyline-kr-q7xk' }, { name: 'ui' }],
    html_url: 'https://github.com/acme/web/issues/45',
    updated_at: '2026-03-12T10:15:00Z',
    created_at: '2026-03-01T10:15:00Z',
  };
  const options = { repo: 'acme/web', pointsLabelPrefix: 'points:' };

  it('maps state, markdown, labels, points and type', () => {
    expect(mapGitHubIssue(issue, options)).toMatchObject({
      key: 'acme/web#45',
      externalId: '1000045',
      title: 'Dark mode',
      description: 'Users *ask* for it\n\n- [ ] settings',
      status: 'idea',
      type: 'bug',
      labels: ['bug', 'ui'],
      effort: 3,
      pullRequest: false,
    });
  });

  it('maps closed issues to done, not planned to dropped, and tells pull requests apart', () => {
    expect(mapGitHubIssue({ ...issue, state: 'closed', state_reason: 'completed' }, options).status).toBe('done');
    expect(mapGitHubIssue({ ...issue, state: 'closed', state_reason: 'not_planned' }, options).status).toBe('dropped');
    expect(mapGitHubIssue({ ...issue, pull_request: { url: 'x' } }, options).pullRequest).toBe(true);
  });

  it('leaves effort to Keyline without a points prefix', () => {
    const mapped = mapGitHubIssue(issue, { repo: 'acme/web', pointsLabelPrefix: null });
    expect(mapped.effort).toBeUndefined();
    expect(mapped.labels).toContain('points:3');
  });
});

describe('planLabelChanges', () => {
  it('adds what is missing and removes only what Keyline added', () => {
    expect(
      planLabelChanges({
        current: ['keyline-kr-aaaa', 'keyline-unaligned', 'team-x'],
        written: ['keyline-kr-aaaa'],
        desired: ['keyline-kr-bbbb'],
      }),
    ).toEqual({ add: ['keyline-kr-bbbb'], remove: ['keyline-kr-aaaa'], written: ['keyline-kr-bbbb'] });
  });

  it('does nothing when the tracker already agrees, and forgets labels a person removed', () => {
    expect(
      planLabelChanges({
        current: ['keyline-unaligned'],
        written: ['keyline-unaligned'],
        desired: ['keyline-unaligned'],
      }),
    ).toEqual({
      add: [],
      remove: [],
      written: ['keyline-unaligned'],
    });
    expect(planLabelChanges({ current: [], written: ['keyline-kr-aaaa'], desired: [] })).toEqual({
      add: [],
      remove: [],
      written: [],
    });
  });
});
