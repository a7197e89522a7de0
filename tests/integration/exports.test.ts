import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { buildCycle, buildKeyResult, buildObjective, buildTeam } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { fixture, itemsByKey, postCsv } from '../fixtures/fixtures';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Downloads a CSV and parses it back as a spreadsheet would: a header row, then records. */
async function download(api: ApiClient, path: string) {
  const res = await fetch(api.baseUrl + path, { headers: { cookie: api.sessionCookie } });
  // Decoded by hand: res.text() would silently drop the BOM this checks for.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  if (res.status !== 200)
    return { status: res.status, text, header: [] as string[], rows: [] as Record<string, string>[] };
  const [header = [], ...records] = parse(text, { bom: true, relax_column_count: false }) as string[][];
  const rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { status: res.status, text, headers: res.headers, header, rows };
}

describeEachDatabase('CSV exports', (kind) => {
  let t: TestServer;
  let cycle: any;
  let kr: any;
  beforeAll(async () => {
    t = await startTestServer(kind);
    cycle = await buildCycle(t.editor, { name: `Q${randomUUID().slice(0, 4)}`, status: 'active' });
    const objective = await buildObjective(t.editor, { cycleId: cycle.id, title: 'Grow self-serve revenue' });
    kr = await buildKeyResult(t.editor, {
      objectiveId: objective.id,
      title: 'Trial to paid 4% → 6%',
      startValue: 4,
      targetValue: 6,
      unit: '%',
    });
    expect((await postCsv(t.editor, fixture('jira-cloud-all-fields.csv'), { mode: 'apply' })).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('exports the backlog with linked KR titles, value score and flags, honouring the list’s filters', async () => {
    const items = await itemsByKey(t.viewer);
    const sso = items.get('KEY-101');
    expect((await t.editor.put(`/api/backlog-items/${sso.id}/links/${kr.id}`, { strength: 3 })).status).toBe(200);

    const all = await download(t.viewer, '/api/exports/backlog.csv');
    expect(all.status).toBe(200);
    expect(all.headers?.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.headers?.get('content-disposition')).toMatch(
      /^attachment; filename="keyline-backlog-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(all.text.startsWith('\uFEFFPosition,Key,Title')).toBe(true);
    expect(all.text).toContain('\r\n');
    expect(all.header).toEqual(
      expect.arrayContaining(['Key results', 'Value score', 'Flags', 'Effort (pts)', 'Labels']),
    );
    expect(all.rows).toHaveLength(10);
    const ssoRow = all.rows.find((r) => r.Key === 'KEY-101');
    expect(ssoRow).toMatchObject({
      Title: 'SSO for teams',
      'Key results': 'Trial to paid 4% → 6%',
      Labels: 'enterprise, auth',
      'Effort (pts)': '8',
      Status: 'ready',
    });
    const listed = (await t.viewer.get(`/api/backlog-items/${sso.id}`)).body;
    expect(Number(ssoRow?.['Value score'])).toBeCloseTo(listed.valueScore, 2);
    // KEY-104 has no estimate: a flag explains it, and its effort stays empty (not 0).
    const debt = all.rows.find((r) => r.Key === 'KEY-104');
    expect(debt?.['Effort (pts)']).toBe('');
    expect(debt?.Flags).not.toBe('');
    // The summary Jira let through as a formula is text in the export.
    expect(all.rows.find((r) => r.Key === 'KEY-109')?.Title).toBe(`'=HYPERLINK("http://evil.example","Click")`);

    const ready = await download(t.viewer, '/api/exports/backlog.csv?status=ready&sort=title&order=desc');
    expect(ready.rows.map((r) => r.Key)).toEqual(
      [...items.values()]
        .filter((i) => i.status === 'ready')
        .sort((a, b) => (a.title < b.title ? 1 : -1))
        .map((i) => i.externalKey),
    );
    const linked = await download(t.viewer, `/api/exports/backlog.csv?keyResultId=${kr.id}`);
    expect(linked.rows.map((r) => r.Key)).toEqual(['KEY-101']);
    expect((await download(t.viewer, '/api/exports/backlog.csv?limit=5')).status).toBe(400);
  });

  it('imports its own export back as "unchanged": nothing is lost in the round trip', async () => {
    const exported = await download(t.viewer, '/api/exports/backlog.csv');
    const res = await postCsv(t.editor, exported.text);
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('generic');
    expect(res.body.counts).toEqual({ create: 0, update: 0, skip: 10, error: 0 });
  });

  it('never writes a cell that starts a formula, whatever users type (property, through the real API)', async () => {
    const text = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'x', 'é'),
      minLength: 1,
      maxLength: 30,
    });
    const item = fc.record({
      title: text.filter((s) => s.trim().length > 0),
      description: text,
      labels: fc.array(
        text.map((s) => s.trim().slice(0, 50)).filter((s) => s.length > 0),
        { maxLength: 3 },
      ),
      keyPrefix: text.map((s) => s.trim().slice(0, 40)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), async (batch) => {
        const team = await buildTeam(t.admin);
        const created = new Map<string, any>();
        for (const { keyPrefix, ...input } of batch) {
          // Unique per call, not per generated value: shrinking replays values.
          const res = await t.editor.post('/api/backlog-items', {
            ...input,
            externalKey: `${keyPrefix}-${randomUUID()}`,
            teamId: team.id,
          });
          expect(res.status).toBe(201);
          created.set(res.body.id, res.body);
        }
        const exported = await download(t.viewer, `/api/exports/backlog.csv?teamId=${team.id}`);
        expect(exported.rows).toHaveLength(batch.length);
        for (const row of exported.rows) {
          for (const [column, value] of Object.entries(row)) {
            if (/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(value)) continue; // a number, not a formula
            expect(
              TRIGGERS.some((t) => value.startsWith(t)),
              `${column}: ${JSON.stringify(value)}`,
            ).toBe(false);
          }
          // Nothing else changes: the text is the user's, with one apostrophe in front only where it was needed.
          const original = created.get(row.Id ?? '');
          const guarded = (s: string): string => (TRIGGERS.some((t) => s.startsWith(t)) ? `'${s}` : s);
          expect(row.Title).toBe(guarded(original.title));
          expect(row.Description).toBe(guarded(original.description));
          expect(row.Key).toBe(guarded(original.externalKey));
        }
      }),
      { numRuns: 6 },
    );
  });

  it('exports a cycle’s objectives, key results and check-ins; defaults to the active cycle', async () => {
    const parent = (await t.editor.get(`/api/key-results/${kr.id}`)).body;
    const child = await buildObjective(t.editor, {
      cycleId: cycle.id,
      title: 'Growth: faster onboarding',
      parentId: parent.objectiveId,
    });
    await buildObjective(t.editor, { cycleId: cycle.id, title: '+1 NPS, no KRs yet' });
    expect(
      (await t.editor.post(`/api/key-results/${kr.id}/check-ins`, { value: 4.5, confidence: 6, note: '=cmd|calc' }))
        .status,
    ).toBe(201);
    expect(
      (
        await t.editor.post(`/api/key-results/${kr.id}/check-ins`, {
          value: 5.1,
          confidence: 7,
          note: 'Pricing test, shipped',
        })
      ).status,
    ).toBe(201);

    const okrs = await download(t.viewer, `/api/exports/okrs.csv?cycleId=${cycle.id}`);
    expect(okrs.status).toBe(200);
    expect(okrs.header.slice(0, 3)).toEqual(['Cycle', 'Objective', 'Parent objective']);
    const krRows = okrs.rows.filter((r) => r['Key result'] === 'Trial to paid 4% → 6%');
    expect(krRows.map((r) => [r['Check-in value'], r['Confidence (0-10)'], r.Note, r.Author])).toEqual([
      ['4.5', '6', "'=cmd|calc", 'Test editor'],
      ['5.1', '7', 'Pricing test, shipped', 'Test editor'],
    ]);
    expect(krRows[1]).toMatchObject({
      Cycle: cycle.name,
      Objective: 'Grow self-serve revenue',
      Team: 'Company',
      Start: '4',
      Target: '6',
      Current: '5.1',
      'KR progress (%)': '55',
    });
    expect(okrs.rows.find((r) => r.Objective === child.title)).toMatchObject({
      'Parent objective': 'Grow self-serve revenue',
      'Key result': '',
    });
    expect(okrs.rows.find((r) => r.Objective === "'+1 NPS, no KRs yet")).toBeDefined();

    const byDefault = await download(t.viewer, '/api/exports/okrs.csv');
    expect(byDefault.rows).toEqual(okrs.rows);
    expect((await download(t.viewer, `/api/exports/okrs.csv?cycleId=${randomUUID()}`)).status).toBe(404);
  });
});
