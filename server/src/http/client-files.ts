import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import express from 'express';

/** Hashed build output: its name changes with its content, so it may be kept for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html: always revalidated, so a deploy is picked up at the next load. */
const REVALIDATE = 'no-cache';
/** Unhashed public files (the favicon): a day. */
const DAILY = 'public, max-age=86400';

/** A path that names a file (has an extension): answered 404 when missing, never with index.html. */
const FILE_LIKE = /\.(js|mjs|css|map|ico|png|svg|jpg|jpeg|gif|webp|woff2?|ttf|txt|json|webmanifest|br|gz)$/i;

interface ClientFile {
  path: string;
  ext: string;
  br: boolean;
  gzip: boolean;
}

/**
 * The built single-page client. Every file of the build is known at start
 * (the build does not change under a running server): a request picks the
 * `.br` or `.gz` the build wrote beside it (client/vite.config.ts) by
 * Accept-Encoding, with `Vary: Accept-Encoding`. A missing file is a 404 —
 * a missing hashed chunk (a tab open across a redeploy) served index.html as
 * JavaScript, which the browser reports as a MIME error and a blank screen.
 * Every other path is a deep link: index.html.
 */
export function serveClient(app: express.Express, dist: string): void {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`CLIENT_DIST has no index.html: ${dist} (run npm run build)`);
  const files = listFiles(dist);
  const index = files.get('/index.html') as ClientFile;

  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/')) return next();
    const file = req.path === '/index.html' ? undefined : files.get(req.path);
    if (file) {
      const cache = req.path.startsWith('/assets/') ? IMMUTABLE : DAILY;
      return send(req, res, file, cache, next);
    }
    if (req.path.startsWith('/assets/') || FILE_LIKE.test(req.path)) {
      res.status(404).type('text/plain').setHeader('Cache-Control', 'no-store');
      return res.send('Not found');
    }
    send(req, res, index, REVALIDATE, next);
  });
}

function send(
  req: express.Request,
  res: express.Response,
  file: ClientFile,
  cacheControl: string,
  next: express.NextFunction,
): void {
  res.type(file.ext);
  res.setHeader('Cache-Control', cacheControl);
  let path = file.path;
  if (file.br || file.gzip) {
    res.vary('Accept-Encoding');
    const accepted = req.acceptsEncodings(...(file.br ? ['br'] : []), ...(file.gzip ? ['gzip'] : []), 'identity');
    if (accepted === 'br' || accepted === 'gzip') {
      res.setHeader('Content-Encoding', accepted);
      path = `${file.path}.${accepted === 'br' ? 'br' : 'gz'}`;
    }
  }
  // Cache-Control is ours (maxAge would overwrite it); the ETag and Last-Modified come from the file sent.
  res.sendFile(path, { cacheControl: false, dotfiles: 'deny' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

function listFiles(dist: string): Map<string, ClientFile> {
  const files = new Map<string, ClientFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(name)) {
        const url = `/${relative(dist, path).split(sep).join('/')}`;
        files.set(url, {
          path,
          ext: extname(name),
          br: existsSync(`${path}.br`),
          gzip: existsSync(`${path}.gz`),
        });
      }
    }
  };
  walk(dist);
  return files;
}
