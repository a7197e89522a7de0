import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../../server/src/http/route';
import type { RouteIds } from '../../support/routes';

/**
 * fast-check arbitraries for hostile HTTP requests. Bodies are built as JSON
 * *text*, so they can hold what JSON.stringify never writes: 1e999 (parses
 * to Infinity), -0, 20-digit integers, lone surrogate escapes, duplicate
 * keys, `__proto__` keys. Each route's own zod schema (as JSON Schema)
 * steers most bodies close to valid, so the fuzzing reaches the business
 * rules behind the validation and not just the first type check.
 */

export interface FuzzCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** A short description for failure reports. */
  label: string;
}

type Json = string;

const LONG = 'x'.repeat(10_001);

/** Strings that have broken parsers, databases and renderers before. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'x\udc00y',
  '\u202e\u202dRTL override',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '🔑👩‍👩‍👧‍👦🏳️‍🌈',
  '\uffff\ufffe',
  "'; DROP TABLE users; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  'null',
  'true',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\\',
  '"',
  LONG,
  'ß'.repeat(201),
  '0000-00-00',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Number tokens as raw JSON text. */
const hostileNumberTexts: readonly string[] = [
  '1e999',
  '-1e999',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '5e-324',
  '1e-400',
  '-0',
  '0',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '0.1',
  '1.0000000000000002',
  '2147483648',
  '-2147483649',
  '1e12',
  '1000000000001',
];

// No SQL words among the keys: an unknown key is named in the 400 (by design), and the
// leak check would take an echoed `DELETE FROM` for SQL from the server.
const hostileKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'id',
  'version',
  'role',
  'passwordHash',
  'createdAt',
  '$gt',
  '\u0000',
  'a.b',
  'valueOf',
];

const jsonText = (value: unknown): Json => JSON.stringify(value);
const renderObject = (pairs: readonly (readonly [string, Json])[]): Json =>
  `{${pairs.map(([k, v]) => `${jsonText(k)}:${v}`).join(',')}}`;

/** Any string: printable, any UTF-16 unit (so lone surrogates), graphemes, or a known troublemaker. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'y'.repeat(n)) },
);

/** Any number token, including ones JavaScript cannot hold exactly. */
const anyNumberText: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumberTexts) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => jsonText(n)) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
);

/** Any JSON value as text, nested a little. */
export const anyJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyNumberText,
    anyString.map(jsonText),
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 })), tie('value')), {
        maxLength: 4,
      })
      .map(renderObject),
  ),
})).value;

/** The JSON Schema zod produces for a route's body (the same one the OpenAPI document shows). */
export function bodySchemaOf(route: RouteDef): JsonSchema | undefined {
  if (!route.body) return undefined;
  try {
    return z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

const isoDay = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * A value that fits the schema, or nearly: at the edges of its ranges, or
 * one step past them. Ids come from the rows that exist.
 */
export function plausible(schema: JsonSchema, idPool: readonly string[], depth = 0): fc.Arbitrary<Json> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => plausible(v, idPool, depth)));
  if (schema.const !== undefined) return fc.constant(jsonText(schema.const));
  if (schema.enum?.length)
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...schema.enum.map(jsonText)) },
      { weight: 1, arbitrary: anyString.map(jsonText) },
    );
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') {
        return fc
          .oneof({ weight: 6, arbitrary: fc.constantFrom(...idPool) }, { weight: 1, arbitrary: fc.uuid() })
          .map(jsonText);
      }
      if (schema.format === 'date')
        return fc.oneof({ weight: 4, arbitrary: isoDay }, { weight: 1, arbitrary: anyString }).map(jsonText);
      if (schema.format === 'date-time') {
        return fc
          .oneof(
            {
              weight: 4,
              arbitrary: fc
                .integer({ min: -400, max: 4000 })
                .map((d) => new Date(Date.now() + d * 86_400_000).toISOString()),
            },
            { weight: 1, arbitrary: anyString },
          )
          .map(jsonText);
      }
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 200;
      return fc
        .oneof(
          {
            weight: 8,
            arbitrary: fc.string({
              minLength: Math.max(1, min),
              maxLength: Math.max(Math.max(1, min), Math.min(max, 40)),
            }),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom('a'.repeat(max), 'b'.repeat(max + 1), 'c'.repeat(Math.max(0, min - 1))),
          },
          { weight: 1, arbitrary: anyString },
        )
        .map(jsonText);
    }
    case 'number':
    case 'integer': {
      const lo = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
      const hi = schema.maximum ?? schema.exclusiveMaximum ?? 1e6;
      const inRange =
        type === 'integer'
          ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
          : fc.double({ min: lo, max: hi, noNaN: true });
      return fc.oneof(
        { weight: 8, arbitrary: inRange.map((n) => jsonText(n)) },
        { weight: 1, arbitrary: fc.constantFrom(lo, hi, lo - 1, hi + 1, hi + 0.5).map((n) => jsonText(n)) },
        { weight: 1, arbitrary: anyNumberText },
      );
    }
    case 'boolean':
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom('true', 'false') },
        { weight: 1, arbitrary: fc.constantFrom('"true"', '1', '0', 'null') },
      );
    case 'null':
      return fc.constant('null');
    case 'array': {
      if (depth > 3) return fc.constant('[]');
      const item = schema.items ? plausible(schema.items, idPool, depth + 1) : anyJson;
      return fc
        .array(item, { minLength: 0, maxLength: Math.min(schema.maxItems ?? 5, 6) })
        .map((items) => `[${items.join(',')}]`);
    }
    case 'object': {
      if (depth > 3 || !schema.properties) return fc.oneof(fc.constant('{}'), anyJson);
      return objectFromSchema(schema, idPool, depth);
    }
    default:
      return anyJson;
  }
}

/** An object with most required fields, some optional ones, now and then a field gone bad or one too many. */
function objectFromSchema(schema: JsonSchema, idPool: readonly string[], depth: number): fc.Arbitrary<Json> {
  const entries = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = entries.map(([name, s]) =>
    fc
      .tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof({ weight: 12, arbitrary: plausible(s, idPool, depth + 1) }, { weight: 1, arbitrary: anyJson }),
      )
      .map(([roll, value]) => ((required.has(name) ? roll < 0.92 : roll < 0.5) ? ([name, value] as const) : undefined)),
  );
  const rarely = <T>(arb: fc.Arbitrary<T>, oneIn: number) =>
    fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
  const extra = rarely(fc.tuple(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 10 })), anyJson), 6);
  const duplicate = entries.length ? rarely(fc.constantFrom(...entries.map(([name]) => name)), 8) : fc.constant(null);
  return fc
    .tuple(
      fc.tuple(...fields),
      extra,
      duplicate.chain((name) => (name === null ? fc.constant(null) : anyJson.map((v) => [name, v] as const))),
    )
    .map(([picked, more, dup]) => {
      const pairs = picked.filter((p): p is readonly [string, Json] => p !== undefined);
      if (more) pairs.push(more);
      if (dup) pairs.push(dup); // a repeated key: JSON.parse keeps the last one
      return renderObject(pairs);
    });
}

/** Bodies that are no sensible JSON at all. */
const brokenBody: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"a":',
    '[1,2',
    'nul',
    'NaN',
    'Infinity',
    '{"a":NaN}',
    "{'a':1}",
    '{"a":1,}',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"a":"\\u00"}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
  ),
  fc.integer({ min: 1_000, max: 40_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 1_000, max: 15_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  fc.constant(`{"title":"${'z'.repeat(120_000)}"}`),
  // Not UTF-8: lone continuation bytes, an overlong slash, a UTF-16 BOM.
  fc.constantFrom(
    Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x80, 0x22, 0x7d]),
    Uint8Array.from([0xc0, 0xaf]),
    Uint8Array.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]),
  ),
  anyJson,
);

/** CSV text with hostile cells, for the import route. */
const csvBody: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'Summary',
          'Title',
          'Issue key',
          'Status',
          'Story Points',
          'Labels',
          'Description',
          'Effort',
          'Team',
        ),
        anyString,
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.array(
      fc.array(
        fc.oneof(anyString, fc.constantFrom('=cmd|"/c calc"!A1', '"unterminated', '"a""b"', '1e999', '-1', '13', '')),
        { maxLength: 6 },
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.constantFrom(',', ';', '\t'),
  )
  .map(([header, rows, eol, sep]) => [header, ...rows].map((r) => r.join(sep)).join(eol));

const ifMatchHeader = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('"1"', '"2"', '"3"') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      undefined,
      '',
      '*',
      'W/"1"',
      '"-1"',
      '"0"',
      '"1e3"',
      '"99999999999"',
      '"1", "2"',
      '1',
      '"abc"',
      '" 1"',
      '"\u00e9"',
    ),
  },
);

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json+evil',
      'text/plain',
      'application/x-www-form-urlencoded',
      'text/csv',
      undefined,
    ),
  },
);

const extraHeaders = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { 'x-http-method-override': 'DELETE' },
      { 'x-request-id': '../../etc/passwd' },
      { 'x-forwarded-for': '1.1.1.1, ::1, garbage' },
      { 'x-forwarded-proto': 'javascript' },
      { 'content-encoding': 'gzip' },
      { 'content-encoding': 'br' },
      { accept: 'text/html' },
      { origin: 'https://evil.example' },
      { range: 'bytes=0-1' },
      { 'content-encoding': 'compress' },
    ),
  },
);

/** A path parameter: mostly a live id, sometimes anyone's id, sometimes garbage (URL-encoded or not). */
function pathParam(key: string, ids: RouteIds, allIds: readonly string[]): fc.Arbitrary<string> {
  const own = ids[key];
  return fc.oneof(
    { weight: 6, arbitrary: own ? fc.constant(own) : fc.constantFrom(...allIds) },
    { weight: 1, arbitrary: fc.constantFrom(...allIds) },
    { weight: 1, arbitrary: fc.constant(null).map(() => randomUUID()) },
    {
      weight: 2,
      arbitrary: anyString
        .filter((s) => s.length > 0 && s.length < 3000)
        .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '%',
        '%zz',
        '%2e%2e',
        '%00',
        '%F0%9F',
        '1;DROP',
        "'",
        '1%20OR%201%3D1',
        '-1',
        '0',
        '1e999',
      ),
    },
  );
}

const queryPart = (keys: readonly string[]) => {
  const value = fc.oneof(
    fc.constantFrom('preview', 'apply', 'true', 'false', '1', '0', '-1', '1e999', 'NaN', '', '%00', '%FF', 'idea,done'),
    anyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x'))),
  );
  const key = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    fc.constantFrom('__proto__', 'constructor', 'a[b]', 'a[]', 'limit', 'cursor', '%00'),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
};

/** One hostile request for the route. */
export function fuzzCase(route: RouteDef, ids: RouteIds, allIds: readonly string[]): fc.Arbitrary<FuzzCase> {
  const schema = bodySchemaOf(route);
  const method = route.method.toUpperCase();
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => {
    const name = m[1]!;
    const before = route.path.slice(0, m.index).split('/').filter(Boolean).at(-1) ?? '';
    return { placeholder: `:${name}`, arb: pathParam(name === 'id' ? before : name, ids, allIds) };
  });
  const queryKeys = route.query
    ? Object.keys((z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as JsonSchema).properties ?? {})
    : [];
  const isImport = route.path === '/api/imports';
  const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> = isImport
    ? fc.oneof({ weight: 4, arbitrary: csvBody }, { weight: 1, arbitrary: brokenBody })
    : method === 'DELETE'
      ? fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson })
      : fc.oneof(
          { weight: 8, arbitrary: schema ? plausible(schema, allIds) : anyJson },
          { weight: 2, arbitrary: brokenBody },
        );
  const type = isImport
    ? fc.oneof({ weight: 4, arbitrary: fc.constant('text/csv') }, { weight: 1, arbitrary: contentType })
    : contentType;
  return fc
    .record({
      params: fc.tuple(...params.map((p) => p.arb)),
      query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: queryPart(queryKeys) }),
      ifMatch: ifMatchHeader,
      type,
      extra: extraHeaders,
      body,
    })
    .map(({ params: values, query, ifMatch, type: ct, extra, body: b }) => {
      let path = route.path;
      params.forEach((p, i) => (path = path.replace(p.placeholder, values[i]!)));
      if (query) path += `?${query}`;
      const headers: Record<string, string> = { ...extra };
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      if (ct !== undefined && b !== undefined) headers['content-type'] = ct;
      const shown = typeof b === 'string' ? b.slice(0, 160) : b ? `<${b.length} bytes>` : '';
      return {
        method,
        path,
        headers,
        body: b,
        label: `${method} ${path.slice(0, 160)} ${JSON.stringify(headers)} ${shown}`,
      };
    });
}
