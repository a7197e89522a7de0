/**
 * The parts of SCIM 2.0 (RFC 7644) Keyline needs, written here rather than
 * taken from scimmy 1.3: scimmy failed Entra ID's documented PATCH of the
 * enterprise `manager` attribute and Okta's path-less `replace` once a user
 * carried extension data, and it keeps resource handlers in one global
 * registry that several app instances in one process (our tests) cannot
 * share. What identity providers send is small: `attr eq "value"` filters,
 * and PATCH operations on a handful of attributes.
 */

export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  spConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** An RFC 7644 §3.12 error: status, optional scimType, detail. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    detail: string,
  ) {
    super(detail);
  }
}

export interface EqualityFilter {
  /** Attribute path as sent, lower-cased: `username`, `externalid`, `emails.value`, `displayname`, `id`. */
  attribute: string;
  value: string;
}

/**
 * Parses `attr eq "value"` terms joined by `and` — the filters Okta and
 * Entra ID send (`userName eq "ana@acme.com"`, `externalId eq "…"`,
 * `displayName eq "Product"`). Anything else is a 400 invalidFilter.
 */
export function parseFilter(filter: string | undefined): EqualityFilter[] {
  if (filter === undefined || filter.trim() === '') return [];
  const terms: EqualityFilter[] = [];
  const term = /^\s*([A-Za-z][\w.:$]*(?:\[[^\]]*\][\w.:]*)?)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*(?:\s+and\s+|$)/i;
  let rest = filter;
  while (rest.trim() !== '') {
    const match = term.exec(rest);
    if (!match)
      throw new ScimError(
        400,
        'invalidFilter',
        `Keyline understands filters of the form attribute eq "value" (joined by and): ${filter}`,
      );
    const attribute = (match[1] as string).toLowerCase().replace(/\[type eq "work"\]/, '');
    terms.push({ attribute, value: JSON.parse(`"${match[2] as string}"`) as string });
    rest = rest.slice(match[0].length);
  }
  return terms;
}

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

/** Reads a PatchOp body; op names compare case-insensitively (Entra ID sends `Replace`, Okta `replace`). */
export function readPatch(body: unknown): PatchOperation[] {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops) || ops.length === 0) {
    throw new ScimError(
      400,
      'invalidSyntax',
      'A PATCH needs an Operations array (urn:ietf:params:scim:api:messages:2.0:PatchOp)',
    );
  }
  return ops.map((raw, i) => {
    const op = String((raw as { op?: unknown })?.op ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw new ScimError(400, 'invalidSyntax', `Operation ${i + 1}: op must be add, replace or remove`);
    }
    const path = (raw as { path?: unknown }).path;
    if (path !== undefined && typeof path !== 'string')
      throw new ScimError(400, 'invalidPath', `Operation ${i + 1}: path must be text`);
    if (op === 'remove' && !path) throw new ScimError(400, 'noTarget', `Operation ${i + 1}: remove needs a path`);
    return { op, ...(path !== undefined && { path }), value: (raw as { value?: unknown }).value };
  });
}

/** SCIM booleans; Entra ID's older "non-compliant" mode sends "True"/"False" as text. */
export function readBoolean(value: unknown, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, 'invalidValue', `${what} must be true or false`);
}

/** RFC 7644 §3.4.2.4: 1-based startIndex, count capped. */
export function readPaging(query: { startIndex?: unknown; count?: unknown }): { start: number; count: number } {
  const start = Math.max(1, Number.parseInt(String(query.startIndex ?? '1'), 10) || 1);
  const asked = Number.parseInt(String(query.count ?? '100'), 10);
  const count = Number.isNaN(asked) ? 100 : Math.min(Math.max(asked, 0), 200);
  return { start, count };
}

export function listResponse<T>(all: T[], paging: { start: number; count: number }) {
  const page = all.slice(paging.start - 1, paging.start - 1 + paging.count);
  return {
    schemas: [SCIM.list],
    totalResults: all.length,
    itemsPerPage: page.length,
    startIndex: paging.start,
    Resources: page,
  };
}
