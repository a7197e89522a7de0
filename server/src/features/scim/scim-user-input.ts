import { EmailSchema } from '@keyline/shared';
import { readBoolean, ScimError, type PatchOperation } from './scim-protocol';

/** A user as SCIM describes it, reduced to what Keyline keeps. */
export interface ScimUserState {
  userName: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  formatted: string | null;
  /** The work or primary e-mail; Keyline identifies people by e-mail. */
  email: string | null;
  externalId: string | null;
  active: boolean;
}

type Touched = { name: boolean; displayName: boolean };

const text = (value: unknown, what: string, max: number): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ScimError(400, 'invalidValue', `${what} must be text`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw new ScimError(400, 'invalidValue', `${what} is longer than ${max} characters`);
  return trimmed || null;
};

/** The primary e-mail of an `emails` array, else the work one, else the first. */
function pickEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const entries = emails.filter(
    (e): e is { value?: unknown; primary?: unknown; type?: unknown } => !!e && typeof e === 'object',
  );
  const chosen =
    entries.find((e) => e.primary === true || e.primary === 'true' || e.primary === 'True') ??
    entries.find((e) => e.type === 'work') ??
    entries[0];
  return chosen ? text(chosen.value, 'emails.value', 254) : null;
}

/** One attribute path set to a value (null removes it). Paths Keyline does not keep are ignored, as RFC 7644 allows. */
function applyPath(state: ScimUserState, touched: Touched, rawPath: string, value: unknown): void {
  const path = rawPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').toLowerCase();
  switch (path) {
    case 'active':
      state.active = value === null ? true : readBoolean(value, 'active');
      return;
    case 'username': {
      const userName = text(value, 'userName', 254);
      if (!userName) throw new ScimError(400, 'invalidValue', 'userName cannot be removed');
      state.userName = userName;
      return;
    }
    case 'displayname':
      state.displayName = text(value, 'displayName', 100);
      touched.displayName = true;
      return;
    case 'externalid':
      state.externalId = text(value, 'externalId', 255);
      return;
    case 'name': {
      const name = (value ?? {}) as Record<string, unknown>;
      state.givenName = text(name.givenName, 'name.givenName', 100);
      state.familyName = text(name.familyName, 'name.familyName', 100);
      state.formatted = text(name.formatted, 'name.formatted', 100);
      touched.name = true;
      return;
    }
    case 'name.givenname':
      state.givenName = text(value, 'name.givenName', 100);
      touched.name = true;
      return;
    case 'name.familyname':
      state.familyName = text(value, 'name.familyName', 100);
      touched.name = true;
      return;
    case 'name.formatted':
      state.formatted = text(value, 'name.formatted', 100);
      touched.name = true;
      return;
    case 'emails':
      state.email = pickEmail(value) ?? state.email;
      return;
    case 'emails[type eq "work"].value':
    case 'emails[primary eq true].value':
    case 'emails.value':
      state.email = text(Array.isArray(value) ? value[0] : value, 'emails.value', 254) ?? state.email;
      return;
    default:
      // Enterprise extension (manager, department…), phone numbers, locale, title, password: not kept by Keyline.
      return;
  }
}

/** A whole resource, as POST and PUT send it. */
export function readUserResource(body: unknown): ScimUserState {
  if (!body || typeof body !== 'object') throw new ScimError(400, 'invalidSyntax', 'The body must be a SCIM User');
  const b = body as Record<string, unknown>;
  const state: ScimUserState = {
    userName: '',
    displayName: null,
    givenName: null,
    familyName: null,
    formatted: null,
    email: null,
    externalId: null,
    active: true,
  };
  const touched = { name: false, displayName: false };
  if (b.userName === undefined) throw new ScimError(400, 'invalidValue', 'userName is required');
  for (const key of ['userName', 'displayName', 'externalId', 'name', 'emails', 'active'] as const) {
    if (b[key] !== undefined) applyPath(state, touched, key, b[key]);
  }
  return state;
}

/** Applies PATCH operations (Okta's and Entra ID's shapes) to the current state; says which name fields moved. */
export function patchUser(current: ScimUserState, ops: PatchOperation[]): { state: ScimUserState; touched: Touched } {
  const state = { ...current };
  const touched = { name: false, displayName: false };
  for (const op of ops) {
    const value = op.op === 'remove' ? null : op.value;
    if (op.path) applyPath(state, touched, op.path, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      // Okta: { op: "replace", value: { active: false } }; Entra ID may send dotted keys ("name.givenName").
      for (const [key, v] of Object.entries(value)) applyPath(state, touched, key, v);
    } else throw new ScimError(400, 'invalidValue', `An ${op.op} without a path needs an object value`);
  }
  return { state, touched };
}

/** The name Keyline shows: displayName, else the formatted name, else given + family, else the userName. */
export function nameOf(state: ScimUserState): string {
  const parts = [state.givenName, state.familyName].filter(Boolean).join(' ');
  return (state.displayName || state.formatted || parts || state.userName).slice(0, 100);
}

/** Keyline's e-mail for the user: the primary e-mail, else the userName when it is an address. */
export function emailOf(state: ScimUserState): string {
  for (const candidate of [state.email, state.userName]) {
    const parsed = EmailSchema.safeParse(candidate ?? '');
    if (parsed.success) return parsed.data;
  }
  throw new ScimError(
    400,
    'invalidValue',
    'Keyline identifies people by e-mail: send an e-mail address as userName or in emails',
  );
}
