import { afterAll, beforeAll, expect, it } from 'vitest';
import { suggestMapping } from '@keyline/shared';
import { SYSTEM_ACTOR } from '../../server/src/auth/actor';
import { BacklogItemEntity } from '../../server/src/features/backlog/backlog-item.entity';
import { readCsv } from '../../server/src/features/imports/csv-reader';
import { planImport } from '../../server/src/features/imports/import-plan';
import { RowReader } from '../../server/src/features/imports/import-row';
import { writeImportPlan } from '../../server/src/features/imports/import-writer';
import { describeEachDatabase } from '../support/databases';
import { buildTeam } from '../support/factories';
import { auditCount } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';
import { fixture, itemsByKey, postCsv } from '../fixtures/fixtures';

describeEachDatabase('importing a Jira export', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  const jira = fixture('jira-cloud-all-fields.csv');

  it('previews a real-world Jira export without writing anything', async () => {
    const audit = await auditCount(t.admin);
    const res = await postCsv(t.editor, jira);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'preview', applied: false, format: 'jira', delimiter: ',', totalRows: 10 });
    expect(res.body.counts).toEqual({ create: 10, update: 0, skip: 0, error: 0 });
    expect(res.body.mapping).toMatchObject({
      Summary: 'title',
      'Issue key': 'externalKey',
      'Issue Type': 'type',
      Labels: 'labels',
      'Custom field (Story Points)': 'effort',
      'Custom field (Story point estimate)': 'effort',
      Sprint: 'ignore',
    });
    expect(res.body.rows[0]).toEqual({
      row: 2,
      action: 'create',
      externalKey: 'KEY-101',
      title: 'SSO for teams',
      detail: '',
    });
    // KEY-108 (row 9) has 0 story points: never stored as an estimate.
    expect(res.body.warnings).toContainEqual({
      row: 9,
      column: 'Custom field (Story Points)',
      message: expect.stringContaining('left unestimated'),
    });
    expect((await itemsByKey(t.viewer)).size).toBe(0);
    expect(await auditCount(t.admin)).toBe(audit);
  });

  it('applies it: Jira types, statuses, resolutions, dates, labels and story points land in Keyline fields', async () => {
    const res = await postCsv(t.editor, jira, { mode: 'apply' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: true, counts: { create: 10, update: 0, skip: 0, error: 0 } });
    const items = await itemsByKey(t.viewer);
    expect(items.size).toBe(10);
    expect(items.get('KEY-101')).toMatchObject({
      title: 'SSO for teams',
      type: 'feature',
      status: 'ready',
      labels: ['enterprise', 'auth'],
      effort: 8,
      createdAt: '2024-03-12T10:15:00.000Z',
      description: 'Let admins sign in with Okta, Azure AD, or Google Workspace.\nSAML first; OIDC later.',
    });
    expect(items.get('KEY-102')).toMatchObject({
      title: 'Bulk CSV import, with "dry run"',
      status: 'in-progress',
      description: 'Upload a file, see what changes, apply.\n\nMust handle: commas, quotes, newlines.',
    });
    expect(items.get('KEY-103')).toMatchObject({
      type: 'bug',
      status: 'in-progress',
      labels: ['safari', 'payments', 'regression'],
    });
    expect(items.get('KEY-104')).toMatchObject({ type: 'tech-debt', status: 'idea', effort: null });
    expect(items.get('KEY-105')).toMatchObject({ type: 'experiment', status: 'ready', effort: 2 });
    expect(items.get('KEY-106')).toMatchObject({ status: 'done' });
    expect(items.get('KEY-107')).toMatchObject({ type: 'chore', status: 'dropped' });
    expect(items.get('KEY-108')).toMatchObject({ type: 'chore', status: 'in-progress', effort: null });
    expect(items.get('KEY-109')?.title).toBe('=HYPERLINK("http://evil.example","Click")');
    expect(items.get('KEY-110')?.description).toContain('“storage limitation”');
    // New items keep the file's order at the bottom of the backlog.
    const ranks = [...items.values()].sort((a, b) => a.rank - b.rank).map((i) => i.externalKey);
    expect(ranks).toEqual([
      'KEY-101',
      'KEY-102',
      'KEY-103',
      'KEY-104',
      'KEY-105',
      'KEY-106',
      'KEY-107',
      'KEY-108',
      'KEY-109',
      'KEY-110',
    ]);
    const history = await t.viewer.get(`/api/audit-events?entity=backlogItem&entityId=${items.get('KEY-101').id}`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ action: 'create', actorName: 'Test editor' });
  });

  it('imports the same export again as no change at all, and a changed one as updates, never duplicates', async () => {
    const again = await postCsv(t.editor, jira, { mode: 'apply' });
    expect(again.body.counts).toEqual({ create: 0, update: 0, skip: 10, error: 0 });
    expect(again.body.rows.every((r: any) => r.detail === 'Unchanged')).toBe(true);

    const before = await itemsByKey(t.viewer);
    // Set in Keyline by hand: an empty Jira cell must not wipe it.
    const k104 = before.get('KEY-104');
    expect((await t.editor.patch(`/api/backlog-items/${k104.id}`, { effort: 5 }, k104.version)).status).toBe(200);

    const edited = jira
      .replace('Sprint 14,,8,', 'Sprint 14,,13,')
      .replace('SSO for teams,KEY-101,10101,,Story,To Do', 'SSO for teams,KEY-101,10101,,Story,In Progress');
    expect(edited).not.toBe(jira);
    const preview = await postCsv(t.editor, edited);
    expect(preview.body.counts).toEqual({ create: 0, update: 1, skip: 9, error: 0 });
    expect(preview.body.rows[0]).toMatchObject({
      row: 2,
      action: 'update',
      externalKey: 'KEY-101',
      detail: 'Changes status, effort',
    });
    const applied = await postCsv(t.editor, edited, { mode: 'apply' });
    expect(applied.status).toBe(200);

    const after = await itemsByKey(t.viewer);
    expect(after.size).toBe(10);
    expect(after.get('KEY-101')).toMatchObject({
      status: 'in-progress',
      effort: 13,
      version: before.get('KEY-101').version + 1,
    });
    expect(after.get('KEY-104')).toMatchObject({ effort: 5 });
    expect(after.get('KEY-102').version).toBe(before.get('KEY-102').version);
  });

  it('reads a semicolon-separated Excel re-save: decimal commas, LF endings, dates with offsets, ragged rows', async () => {
    const res = await postCsv(t.editor, fixture('jira-semicolon-excel.csv'), { mode: 'apply' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'jira', delimiter: ';', counts: { create: 3, error: 0 } });
    const items = await itemsByKey(t.viewer);
    expect(items.get('ABC-1')).toMatchObject({
      title: 'Invoice PDF; with logo',
      effort: 2.5,
      createdAt: '2024-03-12T10:15:00.000Z',
    });
    expect(items.get('ABC-2')).toMatchObject({ type: 'bug', status: 'done', createdAt: '2024-03-13T08:00:00.000Z' });
    expect(items.get('ABC-3')).toMatchObject({ status: 'idea', effort: null, labels: ['accounting'] });
  });

  it('names the row and column of every bad cell, and applies none of the good rows', async () => {
    const file = fixture('jira-bad-rows.csv');
    const preview = await postCsv(t.editor, file);
    expect(preview.body.counts).toEqual({ create: 2, update: 0, skip: 0, error: 2 });
    expect(preview.body.errors).toEqual([
      { row: 4, column: 'Custom field (Story Points)', message: '"lots" is not a number' },
      { row: 5, column: 'Summary', message: 'Required: every item needs a title' },
    ]);
    const countBefore = (await itemsByKey(t.viewer)).size;
    const audit = await auditCount(t.admin);
    const applied = await postCsv(t.editor, file, { mode: 'apply' });
    expect(applied.status).toBe(400);
    expect(applied.body.error.code).toBe('VALIDATION_FAILED');
    expect(applied.body.error.message).toContain('row 4, Custom field (Story Points)');
    expect(applied.body.error.issues).toContainEqual({
      path: [5, 'Summary'],
      message: 'Required: every item needs a title',
    });
    expect((await itemsByKey(t.viewer)).size).toBe(countBefore);
    expect(await auditCount(t.admin)).toBe(audit);
  });

  it('rolls back every row when an item changed under a running import (all or nothing in the database too)', async () => {
    // The plan read KEY-102 at its version; someone saves it before the import writes.
    const table = readCsv(
      Buffer.from('Issue key,Summary,Issue Type\nKEY-102,Bulk CSV import v2,Story\nNEW-1,A brand new item,Bug\n'),
    );
    const existing = await t.db.read((m) => m.findOneByOrFail(BacklogItemEntity, { externalKey: 'KEY-102' }));
    const plan = planImport(
      table,
      new RowReader(table.headers, suggestMapping(table.headers, 'jira'), new Map()),
      new Map([['KEY-102', existing]]),
      new Date().toISOString(),
    );
    expect(plan.creates).toHaveLength(1);
    expect(plan.updates).toHaveLength(1);
    expect(
      (await t.editor.patch(`/api/backlog-items/${existing.id}`, { title: 'Edited by hand' }, existing.version)).status,
    ).toBe(200);

    const audit = await auditCount(t.admin);
    await expect(
      t.db.write((m) => writeImportPlan(m, SYSTEM_ACTOR, plan, new Date().toISOString())),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const items = await itemsByKey(t.viewer);
    expect(items.has('NEW-1')).toBe(false);
    expect(items.get('KEY-102').title).toBe('Edited by hand');
    expect(await auditCount(t.admin)).toBe(audit);
  });

  it('reports duplicate keys inside one file: a repeat is skipped, a conflicting one is an error', async () => {
    const res = await postCsv(t.editor, fixture('jira-duplicate-keys.csv'));
    expect(res.body.counts).toEqual({ create: 2, update: 0, skip: 1, error: 1 });
    expect(res.body.rows).toContainEqual({
      row: 3,
      action: 'skip',
      externalKey: 'DUP-1',
      title: 'First',
      detail: 'Same as row 2',
    });
    expect(res.body.errors).toEqual([
      { row: 5, column: 'Issue key', message: 'DUP-2 is also on row 4, with different values: keep one of them' },
    ]);
  });

  it('lets a generic spreadsheet be mapped by hand, checks teams by name, and remembers the mapping', async () => {
    const file = fixture('generic-spreadsheet.csv');
    const first = await postCsv(t.editor, file);
    expect(first.body).toMatchObject({ format: 'generic', missingFields: ['title'] });
    expect(first.body.headers).toEqual(['Ref', 'Feature', 'Notes', 'Kind', 'State', 'Tags', 'Size', 'Squad', 'Owner']);
    expect(first.body.mapping).toMatchObject({
      Notes: 'description',
      Kind: 'type',
      State: 'status',
      Tags: 'labels',
      Squad: 'team',
      Feature: 'ignore',
    });
    const unmapped = await postCsv(t.editor, file, { mode: 'apply' });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.message).toContain('map a column to title');

    const mapping = { Ref: 'externalKey', Feature: 'title', Size: 'effort' };
    const noTeams = await postCsv(t.editor, file, { mapping });
    expect(noTeams.body.errors).toContainEqual({
      row: 2,
      column: 'Squad',
      message: expect.stringContaining('No team named "Growth"'),
    });

    const growth = await buildTeam(t.admin, { name: 'Growth' });
    await buildTeam(t.admin, { name: 'Platform' });
    const applied = await postCsv(t.editor, file, { mode: 'apply', mapping });
    expect(applied.status).toBe(200);
    expect(applied.body.counts).toEqual({ create: 3, update: 0, skip: 0, error: 0 });
    const items = await itemsByKey(t.viewer);
    expect(items.get('SHEET-1')).toMatchObject({
      title: 'Usage dashboard',
      effort: 5,
      teamId: growth.id,
      labels: ['analytics', 'growth'],
      status: 'ready',
    });
    expect(items.get('SHEET-3')).toMatchObject({ type: 'experiment', effort: null });

    // Next upload of the same kind of file: the saved mapping applies without being sent again.
    const remembered = await postCsv(t.editor, file);
    expect(remembered.body.missingFields).toEqual([]);
    expect(remembered.body.mapping).toMatchObject({ Ref: 'externalKey', Feature: 'title', Size: 'effort' });
    expect(remembered.body.counts).toEqual({ create: 0, update: 0, skip: 3, error: 0 });
  });

  it("reads Jira's Component/s columns as the team, as the tracker sync does: the first naming a team", async () => {
    const platform =
      (await t.admin.get('/api/teams')).body.find((team: any) => team.name === 'Platform') ??
      (await buildTeam(t.admin, { name: 'Platform' }));
    const res = await postCsv(t.editor, fixture('jira-components.csv'), { mode: 'apply' });
    expect(res.status).toBe(200);
    expect(res.body.mapping['Component/s']).toBe('team');
    expect(res.body.counts).toMatchObject({ create: 3, error: 0 });
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Component/s',
        message: expect.stringContaining('No team named "Payments"'),
      }),
    ]);
    const items = await itemsByKey(t.viewer);
    expect(items.get('KEY-201')).toMatchObject({ teamId: platform.id, effort: 5 });
    expect(items.get('KEY-202')).toMatchObject({ teamId: null });
    expect(items.get('KEY-203')).toMatchObject({ teamId: null });
  });

  it('refuses what it cannot read with a clear 4xx, and lets no viewer import', async () => {
    const tooManyRows = `Title\n${'x\n'.repeat(20_001)}`;
    const rows = await postCsv(t.editor, tooManyRows);
    expect(rows.status).toBe(413);
    expect(rows.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('more than 20,000 rows'),
    });

    const big = await postCsv(t.editor, `Title\n${'y'.repeat(10 * 1024 * 1024)}\n`);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('larger than 10 MB');

    const latin1 = await fetch(`${t.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { origin: t.baseUrl, cookie: t.editor.sessionCookie, 'content-type': 'text/csv' },
      body: Buffer.from('Title\nCaf\xe9 cr\xe8me\n', 'latin1'),
    });
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as any).error.message).toContain('not UTF-8');

    const nul = await postCsv(t.editor, 'Title\nBad\u0000cell\n', { mode: 'apply' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('NUL characters');

    const plain = await t.editor.request('POST', '/api/imports', {
      rawBody: 'Title\nx\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const crossSite = await t.editor.request('POST', '/api/imports', {
      rawBody: 'Title\nx\n',
      headers: { 'content-type': 'text/csv', origin: 'http://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const badMapping = await t.editor.request('POST', '/api/imports?mapping=%7Bnope', {
      rawBody: 'Title\nx\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.issues[0].path).toEqual(['mapping']);

    const viewer = await postCsv(t.viewer, 'Title\nx\n', { mode: 'apply' });
    expect(viewer.status).toBe(403);
  });
});
