import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions: a state-changing request must come from
 * our own origin (or one configured) and carry JSON, which a cross-site HTML
 * form cannot send. SameSite=Lax on the cookie is the second layer.
 */
export function csrfGuard(
  allowedOrigins: readonly string[],
  csvUploadPaths: readonly string[] = [],
  /**
   * Routes that use no cookie (the signed token in their URL is their only
   * authority), so a cross-site request can do nothing a link could not: the
   * RFC 8058 one-click unsubscribe, which mail clients POST form-encoded,
   * from their own servers or pages.
   */
  cookielessPaths: readonly string[] = [],
): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (cookielessPaths.includes(req.baseUrl + req.path)) return next();
    const origin = req.get('origin');
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.get('host')}`;
      if (origin !== own && !allowedOrigins.includes(origin)) {
        return next(new AppError('CSRF_REJECTED', 'Requests from another site are not accepted'));
      }
    } else if (req.get('sec-fetch-site') === 'cross-site') {
      return next(new AppError('CSRF_REJECTED', 'Requests from another site are not accepted'));
    }
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    // text/csv is no type a cross-site form can send either (it needs a CORS preflight we never grant).
    const csvUpload = csvUploadPaths.includes(req.baseUrl + req.path) && req.is('text/csv');
    if (hasBody && !req.is('application/json') && !csvUpload) {
      return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
    }
    next();
  };
}
