import express, { type ErrorRequestHandler, type RequestHandler, Router } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../../http/app-error';
import { SCIM, ScimError } from './scim-protocol';
import type { ScimTokenService } from './scim-token.service';

export const SCIM_BASE = '/scim/v2';

/**
 * What every SCIM request passes before its route: the SCIM media type,
 * a JSON parser that accepts it, and the bearer token (the only credential
 * SCIM takes: cookies and API tokens are not read here).
 */
export function scimIngress(tokens: ScimTokenService): Router {
  const router = Router();
  router.use(SCIM_BASE, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/scim+json');
    next();
  });
  router.use(SCIM_BASE, refuseNonJsonBodies);
  router.use(SCIM_BASE, express.json({ limit: '1mb', type: SCIM_BODY_TYPES }));
  router.use(SCIM_BASE, (async (req, res, next) => {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '');
    const actor = match ? await tokens.resolve(match[1] as string) : undefined;
    if (actor) res.locals.actor = actor;
    next();
  }) as RequestHandler);
  return router;
}

const SCIM_BODY_TYPES = ['application/scim+json', 'application/json'];

/**
 * A body in any other media type would reach the routes unparsed and read
 * as "no attributes"; refuse it so a client learns what it sent wrong
 * (RFC 7644 §3.1 names application/scim+json, and providers also send
 * application/json).
 */
const refuseNonJsonBodies: RequestHandler = (req, _res, next) => {
  if (!req.is(SCIM_BODY_TYPES) && hasBody(req)) {
    next(new ScimError(415, undefined, 'Send the body as application/scim+json or application/json'));
    return;
  }
  next();
};

function hasBody(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * After the SCIM routes, mounted on the app at SCIM_BASE (an error handler
 * inside a nested Router is not reached by errors from a sibling router):
 * unknown paths and every error, in RFC 7644 §3.12's shape.
 */
export function scimEgress(): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (req, _res, next) =>
    next(new ScimError(404, undefined, `No SCIM endpoint ${req.method} ${req.path}`));
  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const { status, scimType, detail } = toScimError(error);
    if (status >= 500) req.log.error({ err: error }, 'SCIM request failed');
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="Keyline SCIM"');
    res
      .status(status)
      .type('application/scim+json')
      .json({
        schemas: [SCIM.error],
        status: String(status),
        ...(scimType && { scimType }),
        detail,
      });
  };
  return [notFound, errors];
}

function toScimError(error: unknown): { status: number; scimType?: string; detail: string } {
  if (error instanceof ScimError) return { status: error.status, scimType: error.scimType, detail: error.message };
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    return { status: 400, scimType: 'invalidValue', detail };
  }
  if (error instanceof AppError) {
    const scimType = error.code === 'DUPLICATE' ? 'uniqueness' : error.status === 400 ? 'invalidValue' : undefined;
    return { status: error.status, scimType, detail: error.message };
  }
  const status = (error as { status?: number; type?: string }).status;
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed')
    return { status: 400, scimType: 'invalidSyntax', detail: 'The body is not valid JSON' };
  if (status === 413) return { status: 413, detail: 'The body is larger than 1 MB' };
  // The JSON parser's other refusals: an unsupported charset or encoding
  // (415), or a body it cannot read as sent (400).
  if (status === 415) return { status: 415, detail: 'The body uses a charset or encoding this server does not read' };
  if (status !== undefined && status >= 400 && status < 500)
    return { status: 400, scimType: 'invalidSyntax', detail: 'The body could not be read' };
  return { status: 500, detail: 'Something went wrong; the error is logged with the request id' };
}
