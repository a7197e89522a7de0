import { z } from 'zod';
import type { RouteDef } from './route';

/**
 * The OpenAPI 3.1 document, generated from the same route list and zod
 * schemas the server validates with, so it cannot drift from the code.
 */
export function buildOpenApi(routes: readonly RouteDef[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }));
    const queryParams = route.query ? queryParameters(route.query) : [];
    const ifMatch = route.ifMatch
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            description: 'The version you edited, e.g. "3"',
          },
        ]
      : [];
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : route.access === 'scim' ? [{ scimToken: [] }] : [{ session: [] }],
      'x-keyline-access': route.access,
      ...(route.sessionOnly && { 'x-keyline-session-only': true }),
      parameters: [...pathParams, ...queryParams, ...ifMatch],
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
      }),
      responses: {
        [status]: {
          description: 'Success',
          ...(route.response &&
            status !== '204' && { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }),
        },
        default: { description: 'Error: { error: { code, message, issues? } }' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Keyline API', version: '1', description: 'Backlog aligned with quarterly OKRs.' },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'keyline_session',
          description: 'Named `__Host-keyline_session` when Keyline is served over https',
        },
        scimToken: { type: 'http', scheme: 'bearer', description: 'A SCIM token from Settings → Single sign-on' },
      },
    },
    paths,
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

function queryParameters(schema: z.ZodType): object[] {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}
