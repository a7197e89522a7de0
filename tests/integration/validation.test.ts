import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { describeEachDatabase } from '../support/databases';
import { expectCleanError } from '../support/errors';
import { buildBacklogItem, buildKeyResult, buildTeam } from '../support/factories';
import { auditCount, captureState, type ApiState } from '../support/state';
import { startTestServer, type TestServer } from '../support/test-server';

interface Fixtures {
  team: any;
  kr: any;
  item: any;
  cycleId: string;
  objectiveId: string;
}

/** One rejected request: what is sent, and the status and code it must get. */
interface Case {
  name: string;
  send(t: TestServer, f: Fixtures): Promise<ApiResponse>;
  status: number;
  code: string;
  /** The field the error must name, when it is about one. */
  field?: string;
}

const long = (n: number) => 'x'.repeat(n);
const post = (path: string, body: unknown) => (t: TestServer) => t.editor.post(path, body);
const raw =
  (
    api: (t: TestServer) => ApiClient,
    method: string,
    path: (f: Fixtures) => string,
    rawBody: string,
    headers: Record<string, string>,
  ) =>
  (t: TestServer, f: Fixtures) =>
    api(t).request(method, path(f), { rawBody, headers });
const item = (body: object) => post('/api/backlog-items', { title: 'Valid title', ...body });
const patchItem = (body: object) => (t: TestServer, f: Fixtures) =>
  t.editor.patch(`/api/backlog-items/${f.item.id}`, body, f.item.version);
const kr = (body: object) => (t: TestServer, f: Fixtures) =>
  t.editor.post('/api/key-results', { objectiveId: f.objectiveId, title: 'KR', targetValue: 10, ...body });
const checkIn = (body: object) => (t: TestServer, f: Fixtures) =>
  t.editor.post(`/api/key-results/${f.kr.id}/check-ins`, { value: 1, confidence: 5, ...body });
const cycle = (body: object) =>
  post('/api/cycles', { name: 'Valid', startsOn: '2030-01-01', endsOn: '2030-03-31', ...body });
const VF = 'VALIDATION_FAILED';

/** A signed-in request without the Origin header ApiClient always adds (some browsers omit it). */
async function withoutOrigin(
  t: TestServer,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<ApiResponse> {
  const res = await fetch(t.baseUrl + path, {
    method,
    headers: { cookie: t.editor.sessionCookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const CASES: Case[] = [
  // Malformed JSON
  {
    name: 'truncated JSON',
    send: raw(
      (t) => t.editor,
      'POST',
      () => '/api/backlog-items',
      '{"title": "x",',
      { 'content-type': 'application/json' },
    ),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'JavaScript, not JSON',
    send: raw(
      (t) => t.editor,
      'PATCH',
      (f) => `/api/backlog-items/${f.item.id}`,
      "{title: 'x'}",
      { 'content-type': 'application/json', 'if-match': '"1"' },
    ),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'malformed sign-in',
    send: raw(
      (t) => t.anonymous,
      'POST',
      () => '/api/auth/login',
      'email=a&password=b',
      { 'content-type': 'application/json' },
    ),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON array for an object',
    send: (t) => t.admin.post('/api/teams', [{ name: 'x' }]),
    status: 400,
    code: VF,
  },
  // Unknown fields: nobody sets ids, versions, hashes or columns that are not there
  { name: 'unknown field', send: item({ priority: 1 }), status: 400, code: VF },
  {
    name: 'client-chosen id',
    send: (t) => t.admin.post('/api/teams', { name: 'Chosen', id: randomUUID() }),
    status: 400,
    code: VF,
  },
  {
    name: 'version in a patch body',
    send: (t, f) => t.editor.patch(`/api/key-results/${f.kr.id}`, { version: 99 }, f.kr.version),
    status: 400,
    code: VF,
  },
  {
    name: 'password hash in a user patch',
    send: (t) => t.admin.patch(`/api/users/${t.users.viewer}`, { passwordHash: 'x' }, 1),
    status: 400,
    code: VF,
  },
  { name: 'rank in a patch (moves have their own route)', send: patchItem({ rank: 0 }), status: 400, code: VF },
  // Wrong types
  {
    name: 'number for a title',
    send: post('/api/backlog-items', { title: 123 }),
    status: 400,
    code: VF,
    field: 'title',
  },
  { name: 'string for a number', send: item({ effort: '3' }), status: 400, code: VF, field: 'effort' },
  { name: 'string for a list', send: item({ labels: 'a,b' }), status: 400, code: VF, field: 'labels' },
  { name: 'string for a target', send: kr({ targetValue: '100' }), status: 400, code: VF, field: 'targetValue' },
  { name: 'string for a confidence', send: checkIn({ confidence: '5' }), status: 400, code: VF, field: 'confidence' },
  {
    name: 'string for a boolean',
    send: (t) => t.admin.patch(`/api/users/${t.users.viewer}`, { disabled: 'yes' }, 1),
    status: 400,
    code: VF,
    field: 'disabled',
  },
  { name: 'unknown enum value', send: item({ status: 'someday' }), status: 400, code: VF, field: 'status' },
  {
    name: 'unknown role',
    send: (t) => t.admin.post('/api/users', { email: 'r@test.local', name: 'R', role: 'owner' }),
    status: 400,
    code: VF,
    field: 'role',
  },
  {
    name: 'not an email',
    send: (t) => t.admin.post('/api/users', { email: 'not-an-email', name: 'R', role: 'viewer' }),
    status: 400,
    code: VF,
    field: 'email',
  },
  { name: 'not a date', send: cycle({ startsOn: '2030/01/01' }), status: 400, code: VF, field: 'startsOn' },
  { name: 'impossible date', send: cycle({ endsOn: '2030-13-01' }), status: 400, code: VF, field: 'endsOn' },
  { name: 'team id that is not a UUID', send: item({ teamId: 'team-1' }), status: 400, code: VF, field: 'teamId' },
  // Out of range
  { name: 'zero effort', send: item({ effort: 0 }), status: 400, code: VF, field: 'effort' },
  { name: 'negative reach', send: item({ reach: -1 }), status: 400, code: VF, field: 'reach' },
  { name: 'effort over 10,000', send: item({ effort: 10_001 }), status: 400, code: VF, field: 'effort' },
  { name: 'confidence over 100%', send: patchItem({ confidence: 1.5 }), status: 400, code: VF, field: 'confidence' },
  { name: 'impact off the RICE scale', send: item({ impact: 0.3 }), status: 400, code: VF, field: 'impact' },
  { name: 'ease over 10', send: item({ ease: 11 }), status: 400, code: VF, field: 'ease' },
  { name: 'zero weight', send: kr({ weight: 0 }), status: 400, code: VF, field: 'weight' },
  {
    name: 'weight over 1,000',
    send: (t, f) => t.editor.patch(`/api/objectives/${f.objectiveId}`, { weight: 1001 }, 1),
    status: 400,
    code: VF,
    field: 'weight',
  },
  { name: 'absurd metric value', send: kr({ targetValue: 1e13 }), status: 400, code: VF, field: 'targetValue' },
  {
    name: 'start equal to target',
    send: kr({ startValue: 10, targetValue: 10 }),
    status: 400,
    code: VF,
    field: 'targetValue',
  },
  { name: 'check-in confidence 11', send: checkIn({ confidence: 11 }), status: 400, code: VF, field: 'confidence' },
  {
    name: 'fractional check-in confidence',
    send: checkIn({ confidence: 2.5 }),
    status: 400,
    code: VF,
    field: 'confidence',
  },
  {
    name: 'link strength 0',
    send: (t, f) => t.editor.put(`/api/backlog-items/${f.item.id}/links/${f.kr.id}`, { strength: 0 }),
    status: 400,
    code: VF,
    field: 'strength',
  },
  {
    name: 'cycle ending before it starts',
    send: cycle({ startsOn: '2030-03-01', endsOn: '2030-02-01' }),
    status: 400,
    code: VF,
    field: 'endsOn',
  },
  {
    name: '21 labels',
    send: item({ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }),
    status: 400,
    code: VF,
    field: 'labels',
  },
  // Over-long and blank strings
  { name: 'title of 201 characters', send: item({ title: long(201) }), status: 400, code: VF, field: 'title' },
  { name: 'blank title', send: item({ title: '   ' }), status: 400, code: VF, field: 'title' },
  {
    name: 'description over 10,000',
    send: patchItem({ description: long(10_001) }),
    status: 400,
    code: VF,
    field: 'description',
  },
  {
    name: 'team name of 101',
    send: (t) => t.admin.post('/api/teams', { name: long(101) }),
    status: 400,
    code: VF,
    field: 'name',
  },
  { name: 'cycle name of 51', send: cycle({ name: long(51) }), status: 400, code: VF, field: 'name' },
  { name: 'unit of 21', send: kr({ unit: long(21) }), status: 400, code: VF, field: 'unit' },
  { name: 'note of 2,001', send: checkIn({ note: long(2001) }), status: 400, code: VF, field: 'note' },
  { name: 'external key of 101', send: item({ externalKey: long(101) }), status: 400, code: VF, field: 'externalKey' },
  { name: 'label of 51', send: item({ labels: [long(51)] }), status: 400, code: VF, field: 'labels' },
  {
    name: 'password of 129',
    send: (t) => t.admin.post('/api/users', { email: 'p@test.local', name: 'P', role: 'viewer', password: long(129) }),
    status: 400,
    code: VF,
    field: 'password',
  },
  // Query strings
  {
    name: 'unknown status filter',
    send: (t) => t.viewer.get('/api/backlog-items?status=idea,someday'),
    status: 400,
    code: VF,
  },
  { name: 'unknown query parameter', send: (t) => t.viewer.get('/api/backlog-items?owner=me'), status: 400, code: VF },
  { name: 'unlinked=yes', send: (t) => t.viewer.get('/api/backlog-items?unlinked=yes'), status: 400, code: VF },
  {
    name: 'search of 201 characters',
    send: (t) => t.viewer.get(`/api/backlog-items?q=${long(201)}`),
    status: 400,
    code: VF,
  },
  {
    name: 'objective filter that is not a UUID',
    send: (t) => t.viewer.get('/api/objectives?cycleId=q4'),
    status: 400,
    code: VF,
  },
  {
    name: 'a forged cursor with a huge offset',
    send: (t) => t.viewer.get(`/api/backlog-items?cursor=${Buffer.from('{"o":1e20}').toString('base64url')}`),
    status: 400,
    code: VF,
  },
  {
    name: 'a forged audit cursor',
    send: (t) => t.viewer.get(`/api/audit-events?cursor=${Buffer.from('{"o":1e300}').toString('base64url')}`),
    status: 400,
    code: VF,
  },
  {
    name: 'unknown audit entity',
    send: (t) => t.viewer.get('/api/audit-events?entity=password'),
    status: 400,
    code: VF,
  },
  // Ids in paths: not a UUID → 400; a UUID nobody has → 404
  {
    name: 'read with a bad id',
    send: (t) => t.viewer.get('/api/teams/not-a-uuid'),
    status: 400,
    code: VF,
    field: 'id',
  },
  {
    name: 'patch with a bad id',
    send: (t) => t.editor.patch('/api/backlog-items/123', { title: 'x' }, 1),
    status: 400,
    code: VF,
    field: 'id',
  },
  {
    name: 'delete with a bad id',
    send: (t) => t.editor.delete("/api/cycles/1'%20OR%20'1'='1", 1),
    status: 400,
    code: VF,
    field: 'id',
  },
  {
    name: 'check-in with a bad id',
    send: (t) => t.editor.post('/api/key-results/nope/check-ins', { value: 1, confidence: 5 }),
    status: 400,
    code: VF,
    field: 'id',
  },
  {
    name: 'read an unknown user',
    send: (t) => t.admin.get(`/api/users/${randomUUID()}`),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'read an unknown cycle',
    send: (t) => t.viewer.get(`/api/cycles/${randomUUID()}`),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'read an unknown objective',
    send: (t) => t.viewer.get(`/api/objectives/${randomUUID()}`),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'read an unknown key result',
    send: (t) => t.viewer.get(`/api/key-results/${randomUUID()}`),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'patch an unknown item',
    send: (t) => t.editor.patch(`/api/backlog-items/${randomUUID()}`, { title: 'x' }, 1),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'delete an unknown team',
    send: (t) => t.admin.delete(`/api/teams/${randomUUID()}`, 1),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'move an unknown item',
    send: (t) => t.editor.post(`/api/backlog-items/${randomUUID()}/move`, { position: 'top' }, { 'if-match': '"1"' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'check in on an unknown key result',
    send: (t) => t.editor.post(`/api/key-results/${randomUUID()}/check-ins`, { value: 1, confidence: 5 }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'an API route that does not exist',
    send: (t) => t.viewer.get('/api/nothing-here'),
    status: 404,
    code: 'NOT_FOUND',
  },
  // Content types a JSON API does not take on a write
  {
    name: 'a form post',
    send: raw(
      (t) => t.editor,
      'POST',
      () => '/api/backlog-items',
      'title=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'JSON sent as text/plain',
    send: raw(
      (t) => t.editor,
      'POST',
      () => '/api/backlog-items',
      '{"title":"x"}',
      { 'content-type': 'text/plain' },
    ),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'multipart on a patch',
    send: raw(
      (t) => t.editor,
      'PATCH',
      (f) => `/api/backlog-items/${f.item.id}`,
      '--b\r\n\r\nx\r\n--b--',
      { 'content-type': 'multipart/form-data; boundary=b', 'if-match': '"1"' },
    ),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  // Requests from another site
  {
    name: 'a write from a foreign origin',
    send: (t) => t.editor.post('/api/backlog-items', { title: 'x' }, { origin: 'https://evil.example' }),
    status: 403,
    code: 'CSRF_REJECTED',
  },
  {
    name: 'a delete from a foreign origin',
    send: (t, f) =>
      t.editor.delete(`/api/backlog-items/${f.item.id}`, f.item.version, { origin: 'http://127.0.0.1.evil.example' }),
    status: 403,
    code: 'CSRF_REJECTED',
  },
  {
    name: 'an opaque origin',
    send: (t, f) =>
      t.editor.patch(`/api/backlog-items/${f.item.id}`, { title: 'x' }, f.item.version, { origin: 'null' }),
    status: 403,
    code: 'CSRF_REJECTED',
  },
  {
    name: 'a cross-site request with no Origin',
    send: (t) => withoutOrigin(t, 'POST', '/api/backlog-items', { title: 'x' }, { 'sec-fetch-site': 'cross-site' }),
    status: 403,
    code: 'CSRF_REJECTED',
  },
  {
    name: 'a sign-in from a foreign origin',
    send: (t) =>
      t.anonymous.post(
        '/api/auth/login',
        { email: 'editor@test.local', password: 'correct horse battery staple' },
        { origin: 'https://evil.example' },
      ),
    status: 403,
    code: 'CSRF_REJECTED',
  },
  // Size
  { name: 'a body over 100 kB', send: item({ description: long(150_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
];

describeEachDatabase('bad input gets a clear 4xx and changes nothing', (kind) => {
  let t: TestServer;
  let f: Fixtures;
  beforeAll(async () => {
    t = await startTestServer(kind);
    const team = await buildTeam(t.admin);
    const keyResult = await buildKeyResult(t.editor);
    f = {
      team,
      kr: keyResult,
      item: await buildBacklogItem(t.editor, { teamId: team.id }),
      objectiveId: keyResult.objectiveId,
      cycleId: keyResult.cycleId,
    };
  });
  afterAll(() => t.stop());

  // Every successful write leaves an audit event (audit.test.ts proves it), so an
  // unchanged count after each case pins a write on that case; the full state is
  // compared once after them all, which also catches anything not audited.
  let baseline: ApiState;
  it.each(CASES)('$name → $status $code', async (c) => {
    baseline ??= await captureState(t.admin);
    const res = await c.send(t, f);
    expectCleanError(res, c.status, c.code);
    if (c.field) {
      expect(
        res.body.error.issues?.map((i: any) => i.path[0]),
        JSON.stringify(res.body),
      ).toContain(c.field);
    }
    expect(await auditCount(t.admin)).toBe(baseline.auditEvents);
  });

  it('left every row as it was after all those requests', async () => {
    expect(await captureState(t.admin)).toEqual(baseline);
  });

  it('names the unknown field in the message', async () => {
    const res = await t.editor.post('/api/backlog-items', { title: 'x', priority: 1 });
    expect(res.body.error.message).toMatch(/priority/);
  });

  it('never answers 500 to text with a NUL character (PostgreSQL cannot store one)', async () => {
    const before = await captureState(t.admin);
    const attempts = [
      await t.editor.post('/api/backlog-items', { title: 'nul\u0000title' }),
      await t.viewer.get('/api/backlog-items?q=%00'),
      await t.viewer.get('/api/audit-events?entityId=%00'),
      await t.anonymous.post('/api/auth/login', { email: 'nul\u0000@test.local', password: 'whatever it is' }),
    ];
    for (const res of attempts) expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    if (kind === 'postgres') {
      expectCleanError(attempts[0]!, 400, VF);
      expect(await captureState(t.admin)).toEqual(before);
    }
  });

  it('still signs in and writes after all that: the rejected requests harmed no session', async () => {
    expect((await t.editor.get('/api/auth/me')).status).toBe(200);
    expect(
      (await t.editor.patch(`/api/backlog-items/${f.item.id}`, { title: 'Still editable' }, f.item.version)).status,
    ).toBe(200);
  });
});
