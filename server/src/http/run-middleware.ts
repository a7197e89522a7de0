import type { Request, RequestHandler, Response } from 'express';

/** Runs an Express middleware (a body parser) as a promise, inside a route. */
export function runMiddleware(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}
