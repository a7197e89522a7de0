/**
 * What request logs may say about a URL. Credentials travel in URLs in a few
 * places — a dashboard share link (`/shared/<token>`), a tracker webhook's
 * `?secret=`, an identity provider's `?code=` and `?state=` — and request
 * logs are read by more people than the credentials are meant for. Masked:
 * the path segment after `shared`, any segment that looks like a random
 * token (32+ URL-safe characters, not a UUID), and the values of query
 * parameters named like credentials.
 */
const MASK = '[redacted]';
const SECRET_NAME = /^(?:.*[_-])?(?:token|secret|password|passwd|signature|sig|code|state|key|apikey|jwt|assertion)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LIKE = /^[A-Za-z0-9_-]{32,}$/;

const looksLikeToken = (segment: string) => TOKEN_LIKE.test(segment) && !UUID.test(segment);

export function maskUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const q = bare.indexOf('?');
  const path = q < 0 ? bare : bare.slice(0, q);
  const segments = path.split('/');
  const maskedPath = segments
    .map((segment, i) => (segments[i - 1] === 'shared' || looksLikeToken(segment) ? MASK : segment))
    .join('/');
  if (q < 0) return maskedPath;
  const maskedQuery = bare
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      return secretName(name) || looksLikeToken(safeDecode(pair.slice(eq + 1))) ? `${name}=${MASK}` : pair;
    })
    .join('&');
  return `${maskedPath}?${maskedQuery}`;
}

/** The same rule over parsed `query` or `params` objects, as pino's request serializer includes them. */
export function maskValues(values: unknown): unknown {
  if (typeof values !== 'object' || values === null) return values;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      secretName(name) || (typeof value === 'string' && looksLikeToken(value)) ? MASK : value,
    ]),
  );
}

function secretName(name: string): boolean {
  return SECRET_NAME.test(safeDecode(name).replace(/\[\]$/, ''));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
