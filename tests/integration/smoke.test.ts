import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { buildKeyResult } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

describeEachDatabase('concurrency on one key result', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('lets exactly one of two writers with the same version win', async () => {
    const kr = await buildKeyResult(t.editor);
    const [a, b] = await Promise.all([
      t.editor.patch(`/api/key-results/${kr.id}`, { title: 'A' }, kr.version),
      t.admin.patch(`/api/key-results/${kr.id}`, { title: 'B' }, kr.version),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    expect(loser.body.error.current.version).toBe(kr.version + 1);
    const now = await t.viewer.get(`/api/key-results/${kr.id}`);
    expect(now.body.version).toBe(kr.version + 1);
    expect(now.headers.get('etag')).toBe(`"${kr.version + 1}"`);
    const audit = await t.viewer.get(`/api/audit-events?entity=keyResult&entityId=${kr.id}`);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'update')).toHaveLength(1);
  });
});
